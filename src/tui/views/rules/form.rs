//! The rule form: an action (and errno) plus argument conditions that AND together, each
//! an argument picked by name from the signature, an operator and a value in any base or
//! as catalog constants (with completion).

use crate::catalog::{
    complete_value, parse_errno, parse_value, value_text, Catalog, ConstantSet, SetKind, Syscall,
};
use crate::msg;
use crate::profile::{rule_errno, Action, ArgCond, Op, Rule};
use crate::tui::component::cycle;
use crate::tui::input::TextInput;
use crate::tui::keymap::Command;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// One condition being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CondRow {
    /// Argument index (position in the signature).
    pub(super) arg: u32,
    /// Operator.
    pub(super) op: Op,
    /// The value, or the mask for `&`.
    pub(super) value: TextInput,
    /// The compared value for `&`.
    pub(super) value_two: TextInput,
}

/// A field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The rule's action.
    Action,
    /// Its errno (ERRNO and TRACE only).
    Errno,
    /// Condition i's argument.
    Arg(usize),
    /// Condition i's operator.
    Op(usize),
    /// Condition i's value (the mask for `&`).
    Value(usize),
    /// Condition i's compared value (for `&`).
    ValueTwo(usize),
}

/// The form's state.
#[derive(Debug, Clone)]
pub struct RuleForm {
    /// The syscall the rule is for.
    pub(super) syscall: &'static Syscall,
    /// The rule being edited (its index), or None for a new rule.
    pub(super) rule: Option<usize>,
    /// The action.
    pub(super) action: Action,
    /// The errno, as typed.
    pub(super) errno: TextInput,
    /// The conditions.
    pub(super) conds: Vec<CondRow>,
    /// The focused field (index into [`RuleForm::fields`]).
    pub(super) field: usize,
    /// Why the last apply failed.
    pub(super) error: Option<String>,
}

const ACTIONS: [Action; 8] = [
    Action::Allow,
    Action::Errno,
    Action::KillProcess,
    Action::KillThread,
    Action::Trap,
    Action::Log,
    Action::Trace,
    Action::Notify,
];

impl RuleForm {
    /// A form for a new rule: allow, with one condition on the first argument.
    pub fn new_rule(syscall: &'static Syscall) -> RuleForm {
        let mut form = RuleForm {
            syscall,
            rule: None,
            action: Action::Allow,
            errno: TextInput::new("EPERM"),
            conds: Vec::new(),
            field: 0,
            error: None,
        };
        form.add_condition();
        form.field = 0;
        form
    }

    /// A form for a new rule allowing a call like one that was seen: a condition `==` the
    /// seen value on each argument whose values are named constants of one kind (a socket's
    /// domain, an fcntl command); failing those, on each argument the filter can judge as a
    /// value (mkdir's mode, a flag word). Never on a pointer: with nothing to compare, the
    /// rule has no condition (the syscall by name) until the user adds one.
    pub fn seen_call(syscall: &'static Syscall, args: &[u64; 6]) -> RuleForm {
        let mut form = RuleForm::new_rule(syscall);
        let rows = |keep: &dyn Fn(&crate::catalog::Arg) -> bool| -> Vec<CondRow> {
            syscall
                .args()
                .iter()
                .enumerate()
                .take(6)
                .filter(|(_, a)| !a.pointer && keep(a))
                .map(|(i, _)| CondRow {
                    arg: i as u32,
                    op: Op::Eq,
                    value: TextInput::new(&value_text(Some(syscall), i as u32, args[i])),
                    value_two: TextInput::new("0"),
                })
                .collect()
        };
        let named = rows(&|a| {
            a.constants()
                .and_then(|id| Catalog.constant_set(id))
                .is_some_and(|set| set.kind == SetKind::Enum)
        });
        form.conds = if named.is_empty() {
            rows(&|a| a.value)
        } else {
            named
        };
        form.field = 0;
        form
    }

    /// A form holding an existing rule.
    pub fn edit_rule(syscall: &'static Syscall, index: usize, rule: &Rule) -> RuleForm {
        let errno = rule_errno(rule);
        let errno_text = Catalog
            .errno_name(errno)
            .map_or_else(|| errno.to_string(), str::to_string);
        let conds = rule
            .conditions()
            .iter()
            .map(|c| {
                let text = |v| value_text(Some(syscall), c.index, v);
                CondRow {
                    arg: c.index,
                    op: c.op,
                    value: TextInput::new(&text(c.value)),
                    value_two: TextInput::new(&text(c.value_two.unwrap_or(0))),
                }
            })
            .collect();
        RuleForm {
            syscall,
            rule: Some(index),
            action: rule.action,
            errno: TextInput::new(&errno_text),
            conds,
            field: 0,
            error: None,
        }
    }

    /// The fields in order, as they are shown.
    pub fn fields(&self) -> Vec<Field> {
        let mut out = vec![Field::Action];
        if self.action.takes_errno() {
            out.push(Field::Errno);
        }
        for (i, c) in self.conds.iter().enumerate() {
            out.extend([Field::Arg(i), Field::Op(i), Field::Value(i)]);
            if c.op == Op::MaskedEq {
                out.push(Field::ValueTwo(i));
            }
        }
        out
    }

    /// The focused field.
    pub fn focused(&self) -> Field {
        let fields = self.fields();
        fields[self.field.min(fields.len() - 1)]
    }

    /// How many arguments can be picked (the signature's, at least those already used).
    fn arg_count(&self) -> u32 {
        let used = self.conds.iter().map(|c| c.arg + 1).max().unwrap_or(0);
        (self.syscall.args().len() as u32).max(used).min(6)
    }

    /// The constant set of an argument, if the catalog has one.
    pub fn constants(&self, arg: u32) -> Option<&'static ConstantSet> {
        self.syscall
            .args()
            .get(arg as usize)
            .and_then(|a| a.constants())
            .and_then(|id| Catalog.constant_set(id))
    }

    /// The text field under the cursor, if the focused field is one.
    fn text_field(&mut self) -> Option<&mut TextInput> {
        match self.focused() {
            Field::Errno => Some(&mut self.errno),
            Field::Value(i) => Some(&mut self.conds[i].value),
            Field::ValueTwo(i) => Some(&mut self.conds[i].value_two),
            _ => None,
        }
    }

    /// A bracketed paste into the focused text field; false when a choice has the focus.
    pub fn paste(&mut self, text: &str) -> bool {
        let Some(field) = self.text_field() else {
            return false;
        };
        field.paste(text);
        self.error = None;
        true
    }

    /// Completions for the focused value field.
    pub fn completions(&self) -> Vec<String> {
        let (row, text) = match self.focused() {
            Field::Value(i) => (&self.conds[i], self.conds[i].value.text()),
            Field::ValueTwo(i) => (&self.conds[i], self.conds[i].value_two.text()),
            _ => return Vec::new(),
        };
        let Some(set) = self.constants(row.arg) else {
            return Vec::new();
        };
        if text.is_empty() || text.starts_with(|c: char| c.is_ascii_digit()) {
            return Vec::new();
        }
        complete_value(text, set)
    }

    /// Appends a condition on the first argument not used yet, and focuses it.
    pub fn add_condition(&mut self) {
        if self.arg_count() == 0 {
            self.error = Some(msg!("ed-form-no-arguments", name = self.syscall.name()));
            return;
        }
        let arg = (0..self.arg_count())
            .find(|a| self.conds.iter().all(|c| c.arg != *a))
            .unwrap_or(0);
        self.conds.push(CondRow {
            arg,
            op: Op::Eq,
            value: TextInput::default(),
            value_two: TextInput::new("0"),
        });
        let i = self.conds.len() - 1;
        self.field = self
            .fields()
            .iter()
            .position(|f| *f == Field::Arg(i))
            .unwrap_or(0);
    }

    /// A key in the form. Text fields take editing keys first; the rest are commands.
    /// Returns true when the user asked to apply.
    pub fn key(&mut self, key: &KeyEvent, command: Option<Command>) -> bool {
        let editing = !matches!(key.code, KeyCode::Enter | KeyCode::Esc | KeyCode::Tab);
        if editing {
            if let Some(field) = self.text_field() {
                if field.edit(key) {
                    self.error = None;
                    return false;
                }
            }
        }
        let count = self.fields().len();
        match command {
            Some(Command::NextField) => self.field = (self.field + 1) % count,
            Some(Command::PrevField) => self.field = (self.field + count - 1) % count,
            Some(Command::Complete) => self.complete(),
            Some(Command::ChoiceNext) => self.change(1),
            Some(Command::ChoicePrev) => self.change(-1),
            Some(Command::AddCondition) => self.add_condition(),
            Some(Command::RemoveCondition) => self.remove_condition(),
            Some(Command::Apply) => return true,
            _ => {}
        }
        false
    }

    fn complete(&mut self) {
        let options = self.completions();
        let Some(first) = options.first() else {
            let count = self.fields().len();
            self.field = (self.field + 1) % count;
            return;
        };
        let common = options.iter().fold(first.clone(), |acc, o| {
            acc.chars()
                .zip(o.chars())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect()
        });
        let typed = self.text_field().map(|t| t.text().to_uppercase());
        let pick = if typed.as_deref() == Some(common.as_str()) || common.is_empty() {
            first.clone()
        } else {
            common
        };
        if let Some(field) = self.text_field() {
            field.set(&pick);
        }
    }

    fn change(&mut self, step: isize) {
        match self.focused() {
            Field::Action => self.action = cycle(&ACTIONS, self.action, step),
            Field::Arg(i) => {
                let args: Vec<u32> = (0..self.arg_count()).collect();
                self.conds[i].arg = cycle(&args, self.conds[i].arg, step);
            }
            Field::Op(i) => self.conds[i].op = cycle(&Op::ALL, self.conds[i].op, step),
            _ => {}
        }
    }

    fn remove_condition(&mut self) {
        let i = match self.focused() {
            Field::Arg(i) | Field::Op(i) | Field::Value(i) | Field::ValueTwo(i) => i,
            _ => return,
        };
        self.conds.remove(i);
        self.field = self.field.min(self.fields().len() - 1);
    }

    /// The conditions, action and errno, or what is wrong with them.
    pub fn build(&self) -> Result<(Vec<ArgCond>, Action, Option<u64>), String> {
        let errno = if self.action.takes_errno() {
            Some(parse_errno(self.errno.text()).map_err(|e| e.to_string())?)
        } else {
            None
        };
        let mut conds = Vec::new();
        for c in &self.conds {
            let set = self.constants(c.arg);
            let name = crate::catalog::arg_name(Some(self.syscall), c.arg);
            let parse =
                |t: &TextInput| parse_value(t.text(), set).map_err(|e| format!("{name}: {e}"));
            let value = parse(&c.value)?;
            let two = (c.op == Op::MaskedEq)
                .then(|| parse(&c.value_two))
                .transpose()?;
            conds.push(ArgCond::new(c.arg, c.op, value, two));
        }
        Ok((conds, self.action, errno))
    }

    /// Plain warnings about the form as it stands: pointers, and runc's OR of repeated arguments.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut pointer_warned = Vec::new();
        for c in &self.conds {
            let arg = self.syscall.args().get(c.arg as usize);
            if arg.is_some_and(|a| a.pointer) && !pointer_warned.contains(&c.arg) {
                pointer_warned.push(c.arg);
                out.push(msg!(
                    "ed-form-pointer",
                    arg = crate::catalog::arg_name(Some(self.syscall), c.arg)
                ));
            }
        }
        let shape: Vec<ArgCond> = self
            .conds
            .iter()
            .map(|c| ArgCond::new(c.arg, c.op, 0, None))
            .collect();
        for index in crate::profile::repeated_arguments(&shape) {
            out.push(msg!(
                "ed-form-repeated",
                arg = crate::catalog::arg_name(Some(self.syscall), index)
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn clone() -> &'static Syscall {
        Catalog.syscall("clone").unwrap()
    }

    fn typed(form: &mut RuleForm, text: &str) {
        for c in text.chars() {
            form.key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), None);
        }
    }

    /// From a stop, the form compares what was seen as a value, never a pointer.
    #[test]
    fn a_seen_call_preselects_values_never_pointers() {
        let seen = |name: &str, args: [u64; 6]| {
            let f = RuleForm::seen_call(Catalog.syscall(name).unwrap(), &args);
            f.conds
                .iter()
                .map(|c| (c.arg, c.value.text().to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            seen("mkdir", [0x7ffd_1234, 0o777, 0, 0, 0, 0]),
            [(1, "S_IRWXU|S_IRWXG|S_IRWXO".to_string())]
        );
        assert_eq!(
            seen("socket", [10, 1, 0, 0, 0, 0])[0],
            (0, "AF_INET6".to_string())
        );
        assert_eq!(seen("uname", [0x7ffd_1234, 0, 0, 0, 0, 0]), []);
    }

    #[test]
    fn a_masked_condition_with_constants_builds() {
        let mut f = RuleForm::new_rule(clone());
        assert_eq!(f.focused(), Field::Action);
        f.key(
            &KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
            Some(Command::NextField),
        );
        assert_eq!(f.focused(), Field::Arg(0));
        f.key(
            &KeyEvent::new(KeyCode::Right, KeyModifiers::NONE),
            Some(Command::ChoiceNext),
        );
        assert_eq!(f.conds[0].arg, 1, "right picks the next argument");
        f.key(
            &KeyEvent::new(KeyCode::Left, KeyModifiers::NONE),
            Some(Command::ChoicePrev),
        );
        f.conds[0].op = Op::MaskedEq;
        f.field = f
            .fields()
            .iter()
            .position(|x| *x == Field::Value(0))
            .unwrap();
        typed(&mut f, "clone_newus");
        f.key(
            &KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
            Some(Command::Complete),
        );
        assert_eq!(f.conds[0].value.text(), "CLONE_NEWUSER");
        let (conds, action, errno) = f.build().unwrap();
        assert_eq!(action, Action::Allow);
        assert_eq!(errno, None);
        assert_eq!(conds[0].op, Op::MaskedEq);
        assert_eq!(conds[0].value, 0x1000_0000);
        assert_eq!(conds[0].value_two, Some(0));
    }

    #[test]
    fn warnings_for_pointers_and_repeated_arguments() {
        let mut f = RuleForm::new_rule(clone());
        assert!(f.warnings().is_empty(), "flags is not a pointer");
        f.add_condition();
        f.conds[1].arg = 0;
        let w = f.warnings();
        assert!(w.iter().any(|w| w.contains("OR")), "{w:?}");
        f.conds[1].arg = 1;
        assert!(f.warnings().iter().any(|w| w.contains("pointer")));
    }

    #[test]
    fn bad_values_and_errnos_are_explained() {
        let mut f = RuleForm::new_rule(clone());
        typed(&mut f, "");
        f.conds[0].value.set("0xZZ");
        assert!(f.build().unwrap_err().contains("flags"));
        f.conds[0].value.set("0x10");
        f.action = Action::Errno;
        f.errno.set("EACCES");
        assert_eq!(f.build().unwrap().2, Some(13));
        f.errno.set("nonsense");
        assert!(f.build().is_err());
    }
}
