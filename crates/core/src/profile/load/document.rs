//! The profile's own structure read with the walker: the top-level fields, the architecture
//! map, the rules with their argument conditions, and the filter section of OCI documents.

use super::reader::{describe, quoted_list, Field, Reader};
use crate::profile::diag::has_errors;
use crate::profile::model::*;
use crate::profile::semantic::{arch_never_matches, rule_warnings};
use crate::profile::vocab::{capability, Action, Op, FILTER_FLAGS};
use crate::profile::LintId;
use jsonc_parser::ast;

impl Reader<'_> {
    /// Reads the whole document.
    pub(super) fn profile(&mut self, root: &ast::Value) -> Option<Profile> {
        let ast::Value::Object(obj) = root else {
            self.error(
                root,
                crate::text!("load-not-a-profile", found = describe(root)),
            );
            return None;
        };
        let mut extras = Extras::default();
        let fields = self.fields(obj, "", PROFILE_KEYS, &mut extras);
        let mut p = Profile::new(Action::Allow);
        let mut default_action = None;
        for f in &fields {
            match f.key {
                "defaultAction" => default_action = self.action(f),
                "defaultErrnoRet" => p.default_errno_ret = self.errno(f),
                "defaultErrno" => p.default_errno = self.errno_name(f),
                "listenerPath" => p.listener_path = self.string(f),
                "listenerMetadata" => p.listener_metadata = self.string(f),
                "architectures" => {
                    p.architectures = self.strings(f, |r, n, path, s| r.arch(n, path, s))
                }
                "archMap" => p.arch_map = self.arch_map(f),
                "flags" => {
                    p.flags = self.strings(f, |r, n, path, s| {
                        if !FILTER_FLAGS.contains(&s.as_str()) {
                            r.error(
                                n,
                                crate::text!(
                                    "load-unknown-flag",
                                    name = &s,
                                    path = path,
                                    valid = quoted_list(FILTER_FLAGS.iter().copied())
                                ),
                            );
                        }
                        Some(s)
                    })
                }
                "syscalls" => p.syscalls = self.rules(f),
                _ => unreachable!("every key of PROFILE_KEYS is handled"),
            }
        }
        if fields.iter().any(|f| f.key == "architectures")
            && fields.iter().any(|f| f.key == "archMap")
        {
            let f = fields
                .iter()
                .find(|f| f.key == "archMap")
                .expect("checked above");
            self.error(f.value, crate::text!("load-arches-and-arch-map"));
        }
        self.errno_range(
            &fields,
            "defaultErrnoRet",
            p.default_errno_ret,
            default_action,
        );
        p.extras = extras;
        match default_action {
            Some(a) => p.default_action = a,
            None if !fields.iter().any(|f| f.key == "defaultAction") => {
                self.error(root, crate::text!("load-no-default-action"));
                return None;
            }
            None => return None,
        }
        if let (Some(ret), Some(name)) = (p.default_errno_ret, &p.default_errno) {
            if self.lexicon.errno_value(name).is_some_and(|v| v != ret) {
                let f = fields
                    .iter()
                    .find(|f| f.key == "defaultErrno")
                    .expect("set from a field");
                self.warning(
                    f.value,
                    LintId::ErrnoMismatch,
                    crate::text!("load-errno-mismatch", name = name, ret = ret.to_string()),
                );
            }
        }
        if !has_errors(&self.diags) {
            self.diags
                .extend(rule_warnings(&p).into_iter().map(|(_, d)| d));
        }
        Some(p)
    }

    fn arch_map(&mut self, f: &Field) -> Option<Vec<ArchMapEntry>> {
        self.objects(f, ARCH_MAP_KEYS, Self::arch_map_entry)
    }

    fn arch_map_entry(
        &mut self,
        item: &ast::Value,
        path: &str,
        fields: Vec<Field>,
        extras: Extras,
    ) -> Option<ArchMapEntry> {
        let mut arch = None;
        let mut subs = None;
        for g in &fields {
            match g.key {
                "architecture" => {
                    arch = self.string(g).and_then(|s| self.arch(g.value, &g.path, s))
                }
                _ => subs = self.strings(g, |r, n, path, s| r.arch(n, path, s)),
            }
        }
        if arch.is_none() && !fields.iter().any(|g| g.key == "architecture") {
            self.error(
                item,
                crate::text!("load-missing-key", path = path, key = "architecture"),
            );
        }
        Some(ArchMapEntry {
            architecture: arch?,
            sub_architectures: subs,
            extras,
        })
    }

    /// Reads an array of objects: each one's known fields and extras go to `read`.
    fn objects<T>(
        &mut self,
        f: &Field,
        keys: &'static [&'static str],
        read: impl Fn(&mut Self, &ast::Value, &str, Vec<Field>, Extras) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.array(f)?;
        let mut out = Vec::new();
        let mut buf = String::new();
        for (i, item) in items.iter().enumerate() {
            let path = super::reader::element_path(&mut buf, &f.path, i);
            out.extend(self.item(item, path, keys, &read));
        }
        Some(out)
    }

    /// Reads one element of an array of objects, as [`Self::objects`] does.
    pub(super) fn item<T>(
        &mut self,
        item: &ast::Value,
        path: &str,
        keys: &'static [&'static str],
        read: &impl Fn(&mut Self, &ast::Value, &str, Vec<Field>, Extras) -> Option<T>,
    ) -> Option<T> {
        let obj = self.object(item, path)?;
        let mut extras = Extras::default();
        let fields = self.fields(obj, path, keys, &mut extras);
        read(self, item, path, fields, extras)
    }

    fn rules(&mut self, f: &Field) -> Option<Vec<Rule>> {
        if let Some(elements) = self.cut_elements(f.value) {
            return Some(self.items_apart(f, elements, RULE_KEYS, &Self::rule));
        }
        self.objects(f, RULE_KEYS, Self::rule)
    }

    fn rule(
        &mut self,
        item: &ast::Value,
        path: &str,
        fields: Vec<Field>,
        extras: Extras,
    ) -> Option<Rule> {
        let mut rule = Rule::new(Vec::new(), Action::Allow);
        rule.names = None;
        rule.pos = Some(self.pos(item));
        let mut action = None;
        for f in &fields {
            match f.key {
                "name" => {
                    if let Some(name) = self.string(f) {
                        self.check_syscall(f.value, &f.path, &name);
                        rule.names = Some(Names::Single(name));
                    }
                }
                "names" => {
                    rule.names = self
                        .strings(f, |r, n, p, s| {
                            r.check_syscall(n, p, &s);
                            Some(s)
                        })
                        .map(Names::List)
                }
                "action" => action = self.action(f),
                "errnoRet" => rule.errno_ret = self.errno(f),
                "errno" => rule.errno = self.errno_name(f),
                "args" => rule.args = self.args(f),
                "comment" => rule.comment = self.string(f),
                "includes" => rule.includes = self.filter(f).map(Box::new),
                _ => rule.excludes = self.filter(f).map(Box::new),
            }
        }
        let has = |k: &str| fields.iter().any(|f| f.key == k);
        if has("name") && has("names") {
            let f = fields.iter().find(|f| f.key == "name").expect("checked");
            self.error(f.value, crate::text!("load-name-and-names", path = path));
        }
        if !has("action") && !extras.is_null("action") {
            self.error(
                item,
                crate::text!("load-missing-key", path = path, key = "action"),
            );
        }
        self.errno_range(&fields, "errnoRet", rule.errno_ret, action);
        rule.extras = extras;
        rule.action = action?;
        Some(rule)
    }

    fn check_syscall(&mut self, node: &ast::Value, path: &str, name: &str) {
        if self.lexicon.is_syscall(name) {
            return;
        }
        // runc does not refuse such a name: it logs it at debug level and skips it.
        let message = match self.lexicon.suggest_syscall(name) {
            Some(close) => crate::text!(
                "load-unknown-syscall-close",
                name = name,
                path = path,
                close = close
            ),
            None => crate::text!("load-unknown-syscall", name = name, path = path),
        };
        self.coded_error(node, LintId::UnknownSyscall, message);
    }

    fn args(&mut self, f: &Field) -> Option<Vec<ArgCond>> {
        self.objects(f, ARG_KEYS, Self::arg)
    }

    fn arg(
        &mut self,
        item: &ast::Value,
        path: &str,
        fields: Vec<Field>,
        extras: Extras,
    ) -> Option<ArgCond> {
        let (mut index, mut value, mut value_two, mut op) = (None, None, None, None);
        for g in &fields {
            match g.key {
                "index" => {
                    index = self.unsigned(g.value, &g.path).and_then(|x| {
                        if x > 5 {
                            self.error(
                                g.value,
                                crate::text!(
                                    "load-arg-index",
                                    path = &g.path,
                                    index = x.to_string()
                                ),
                            );
                            None
                        } else {
                            Some(x as u32)
                        }
                    })
                }
                "value" => value = self.unsigned(g.value, &g.path),
                "valueTwo" => value_two = self.unsigned(g.value, &g.path),
                _ => {
                    op = self.string(g).and_then(|s| {
                        let op = Op::from_name(&s).filter(|o| o.name() == s);
                        if op.is_none() {
                            let valid = quoted_list(Op::ALL.iter().map(|o| o.name()));
                            self.error(
                                g.value,
                                crate::text!(
                                    "load-unknown-operator",
                                    name = &s,
                                    path = &g.path,
                                    valid = valid
                                ),
                            );
                        }
                        op
                    })
                }
            }
        }
        for (key, present) in [("index", index.is_some()), ("op", op.is_some())] {
            if !present && !fields.iter().any(|g| g.key == key) {
                self.error(
                    item,
                    crate::text!("load-missing-key", path = path, key = key),
                );
            }
        }
        if let (Some(op), Some(_)) = (op, value_two) {
            if op != Op::MaskedEq && value_two != Some(0) {
                self.warning(
                    item,
                    LintId::ValueTwoIgnored,
                    crate::text!("load-value-two-ignored", path = path, op = op.to_string()),
                );
            }
        }
        let (index, op) = (index?, op?);
        Some(ArgCond {
            index,
            value: value.unwrap_or(0),
            value_two,
            op,
            extras,
        })
    }

    fn filter(&mut self, f: &Field) -> Option<Filter> {
        let obj = self.object(f.value, &f.path)?;
        let mut filter = Filter::default();
        let fields = self.fields(obj, &f.path, FILTER_KEYS, &mut filter.extras);
        for g in &fields {
            match g.key {
                "caps" => {
                    filter.caps = self.strings(g, |r, n, path, s| {
                        if capability(&s).is_none_or(|c| c != s) {
                            r.warning(
                                n,
                                LintId::UnknownCapability,
                                crate::text!("load-unknown-capability", name = &s, path = path),
                            );
                        }
                        Some(s)
                    })
                }
                "arches" => {
                    filter.arches = self.strings(g, |r, n, path, s| {
                        if let Some(message) = arch_never_matches(&s, path) {
                            r.warning(n, LintId::ArchNeverMatches, message);
                        }
                        Some(s)
                    })
                }
                _ => {
                    filter.min_kernel = self.string(g).inspect(|s| {
                        if crate::profile::KernelVersion::parse(s).is_none() {
                            self.error(
                                g.value,
                                crate::text!("load-not-kernel-version", path = &g.path, value = s),
                            );
                        }
                    })
                }
            }
        }
        Some(filter)
    }
}
