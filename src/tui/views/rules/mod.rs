//! The rule editor (Enter on a syscall): the rules that name the syscall, and a form to add,
//! change or drop argument conditions. Every change is one undoable edit of the document.

pub mod form;

use self::form::{Field, RuleForm};
use crate::catalog::{arg_name, Syscall};
use crate::msg;
use crate::profile::{rules_for, Edit, Names, Rule};
use crate::tui::ctx::DrawCtx;
use crate::tui::cursor::Cursor;
use crate::tui::keymap::{Command, Context, KeyMap};
use crate::tui::session::{Session, Tone};
use crate::tui::views::syscalls::detail::{filter_text, rule_text};
use crate::tui::widgets::hints::{self, Hint};
use crate::tui::widgets::{centered, pane_block};
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use ratatui::Frame;

/// The rule editor's state.
pub struct RuleEditor {
    /// The syscall whose rules are edited.
    syscall: &'static Syscall,
    /// The selected rule in the list.
    cursor: Cursor,
    /// The open form, if any.
    form: Option<RuleForm>,
    /// Set when the user closed the editor.
    closed: bool,
}

impl RuleEditor {
    /// The editor for a syscall.
    pub fn new(syscall: &'static Syscall, session: &Session) -> RuleEditor {
        let n = rules_for(session.profile(), syscall.name(), &session.target).len();
        RuleEditor {
            syscall,
            cursor: Cursor::new(n),
            form: None,
            closed: false,
        }
    }

    /// The editor for a syscall with a new rule's form open, filled from a call seen (its
    /// arguments).
    pub fn for_call(syscall: &'static Syscall, args: &[u64; 6], session: &Session) -> RuleEditor {
        let mut editor = RuleEditor::new(syscall, session);
        editor.form = Some(RuleForm::seen_call(syscall, args));
        editor
    }

    /// Whether the user closed the editor.
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    /// A bracketed paste: into the form's field, when a form is open.
    pub fn paste(&mut self, text: &str) -> bool {
        self.form.as_mut().is_some_and(|f| f.paste(text))
    }

    /// The key contexts in use.
    pub fn contexts(&self) -> &'static [Context] {
        if self.form.is_some() {
            &[Context::Form]
        } else {
            &[Context::Rules, Context::Navigation, Context::Global]
        }
    }

    /// Handles a key; returns the command when the editor did not use it (for the app).
    pub fn key(
        &mut self,
        key: &KeyEvent,
        keymap: &KeyMap,
        session: &mut Session,
    ) -> Option<Command> {
        let command = keymap.command(key, self.contexts());
        if let Some(form) = &mut self.form {
            if command == Some(Command::Cancel) {
                self.form = None;
            } else if form.key(key, command) {
                self.submit(session);
            }
            return None;
        }
        let rules: Vec<(usize, Rule)> =
            rules_for(session.profile(), self.syscall.name(), &session.target)
                .iter()
                .map(|r| (r.index, r.rule.clone()))
                .collect();
        self.cursor.len = rules.len();
        let command = command?;
        if self.cursor.navigate(command) {
            return None;
        }
        let selected = rules.get(self.cursor.selected);
        match command {
            Command::NewRule => self.form = Some(RuleForm::new_rule(self.syscall)),
            Command::EditRule => {
                if let Some((index, rule)) = selected {
                    self.form = Some(RuleForm::edit_rule(self.syscall, *index, rule));
                }
            }
            Command::DeleteRule => {
                if let Some((index, rule)) = selected {
                    session.apply(&take_out(*index, rule, self.syscall.name()));
                    self.cursor.len = self.cursor.len.saturating_sub(1);
                    self.cursor.step(0);
                }
            }
            Command::Close | Command::Back => self.closed = true,
            other => return Some(other),
        }
        None
    }

    fn submit(&mut self, session: &mut Session) {
        let Some(form) = &mut self.form else { return };
        let (args, action, errno) = match form.build() {
            Ok(built) => built,
            Err(e) => {
                form.error = Some(e);
                return;
            }
        };
        let edit = match form.rule {
            Some(rule) => Edit::SetConditions {
                rule,
                name: self.syscall.name().to_string(),
                args,
                action,
                errno,
            },
            None => {
                let mut rule = Rule::new(vec![self.syscall.name().to_string()], action);
                rule.errno_ret = errno.filter(|e| *e != crate::profile::EPERM);
                rule.args = (!args.is_empty()).then_some(args);
                Edit::AddRule { rule, at: None }
            }
        };
        if session.apply(&edit) {
            self.form = None;
            let n = rules_for(session.profile(), self.syscall.name(), &session.target).len();
            self.cursor.len = n;
        } else if let Some((text, Tone::Warning)) = &session.status {
            form.error = Some(text.clone());
        }
    }
}

/// The edit that takes a syscall out of a rule (the whole rule when it names only that one).
fn take_out(index: usize, rule: &Rule, name: &str) -> Edit {
    if rule.names().len() <= 1 {
        return Edit::RemoveRule(index);
    }
    let mut rest = rule.clone();
    rest.names = Some(Names::List(
        rule.names()
            .iter()
            .filter(|n| *n != name)
            .cloned()
            .collect(),
    ));
    Edit::ReplaceRule(index, rest)
}

/// The keys under the rules (`$name` is the syscall).
const LIST_KEYS: [Hint; 5] = [
    Hint::new(Context::Rules, &[Command::NewRule], "hint-new-rule"),
    Hint::new(Context::Rules, &[Command::EditRule], "hint-edit"),
    Hint::new(
        Context::Rules,
        &[Command::DeleteRule],
        "hint-take-out-of-rule",
    ),
    Hint::new(Context::Rules, &[Command::Close], "hint-close"),
    Hint::new(Context::Rules, &[], "hint-u-undo"),
];

/// The keys under the form.
const FORM_KEYS: [Hint; 7] = [
    Hint::new(
        Context::Form,
        &[Command::NextField, Command::PrevField],
        "hint-field",
    ),
    Hint::new(
        Context::Form,
        &[Command::ChoicePrev, Command::ChoiceNext],
        "hint-choose",
    ),
    Hint::new(Context::Form, &[Command::Complete], "hint-complete"),
    Hint::new(
        Context::Form,
        &[Command::AddCondition],
        "hint-add-condition",
    ),
    Hint::new(Context::Form, &[Command::RemoveCondition], "hint-remove"),
    Hint::new(Context::Form, &[Command::Apply], "hint-apply"),
    Hint::new(Context::Form, &[Command::Cancel], "hint-cancel"),
];

/// Draws the editor as a window over `area`.
pub fn render(frame: &mut Frame, area: Rect, editor: &mut RuleEditor, cx: &DrawCtx) {
    let theme = cx.theme;
    let window = centered(
        area,
        area.width.saturating_sub(4).min(110),
        area.height.saturating_sub(2).min(24),
    );
    frame.render_widget(Clear, window);
    let title = msg!("ed-rules-title", name = editor.syscall.name());
    let block = pane_block(&title, true, theme);
    let inner = block.inner(window);
    frame.render_widget(block, window);
    let lines = match &editor.form {
        Some(form) => form_lines(form, cx),
        None => list_lines(editor, cx),
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn list_lines(editor: &mut RuleEditor, cx: &DrawCtx) -> Vec<Line<'static>> {
    let (session, keymap, theme) = (cx.session, cx.keymap, cx.theme);
    let s = editor.syscall;
    let refs = rules_for(session.profile(), s.name(), &session.target);
    editor.cursor.len = refs.len();
    let mut lines = vec![
        Line::styled(s.signature().to_string(), theme.accent()),
        Line::styled(msg!("ed-rules-which-decides"), theme.dim()),
        Line::raw(""),
    ];
    if refs.is_empty() {
        lines.push(Line::styled(
            msg!("ed-rules-none", name = s.name()),
            theme.dim(),
        ));
    }
    for (i, r) in refs.iter().enumerate() {
        let others = r.rule.names().len() - 1;
        let mut spans = vec![
            Span::raw(format!(" #{:<3} ", r.index)),
            Span::styled(rule_text(r.rule, Some(s)), theme.action(r.rule.action)),
        ];
        if others > 0 {
            spans.push(Span::styled(
                format!("  ({})", msg!("ed-rules-shared", n = others)),
                theme.dim(),
            ));
        }
        if !r.active {
            spans.push(Span::styled(
                format!("  {}", msg!("ed-rules-inactive", why = filter_text(r.rule))),
                theme.dim(),
            ));
        }
        let line = Line::from(spans);
        lines.push(if i == editor.cursor.selected {
            line.style(theme.selected(true))
        } else {
            line
        });
    }
    lines.push(Line::raw(""));
    let keys = hints::line_with(keymap, &LIST_KEYS, &[("name", s.name().into())]);
    lines.push(Line::styled(keys, theme.dim()));
    lines
}

fn form_lines(form: &RuleForm, cx: &DrawCtx) -> Vec<Line<'static>> {
    let (keymap, theme) = (cx.keymap, cx.theme);
    let focused = form.focused();
    let field = |f: Field, text: String| {
        let style = if f == focused {
            theme.text().add_modifier(Modifier::REVERSED)
        } else {
            theme.accent()
        };
        Span::styled(text, style)
    };
    let input = |f: Field, t: &crate::tui::input::TextInput| {
        let active = f == focused;
        let shown = if t.text().is_empty() && !active {
            "…"
        } else {
            t.text()
        };
        if active {
            t.spans(theme.text(), true).spans
        } else {
            vec![Span::styled(shown.to_string(), theme.accent())]
        }
    };
    let signature = form.syscall.signature();
    let title = if form.rule.is_some() {
        msg!("ed-form-edit", signature = signature)
    } else {
        msg!("ed-form-new", signature = signature)
    };
    // The labels are padded to one width, so the fields line up.
    let label = |text: String| Span::raw(format!("{text:<8}"));
    let mut lines = vec![
        Line::styled(title, theme.dim()),
        Line::raw(""),
        Line::from(vec![
            label(msg!("ed-form-action")),
            field(Field::Action, format!("‹ {} ›", form.action.name())),
            Span::styled(format!("  {}", form.action.meaning().local()), theme.dim()),
        ]),
    ];
    if form.action.takes_errno() {
        let mut spans = vec![label(msg!("ed-form-errno"))];
        spans.extend(input(Field::Errno, &form.errno));
        lines.push(Line::from(spans));
    }
    for (i, c) in form.conds.iter().enumerate() {
        let arg = form.syscall.args().get(c.arg as usize);
        let ty = arg.map_or(String::new(), |a| format!(" ({})", a.ty()));
        let mut spans = vec![
            label(if i == 0 {
                msg!("ed-form-if")
            } else {
                msg!("ed-form-and")
            }),
            field(
                Field::Arg(i),
                format!("‹ {}{ty} ›", arg_name(Some(form.syscall), c.arg)),
            ),
            Span::raw(" "),
            field(Field::Op(i), format!("‹ {} ›", c.op.symbol())),
            Span::raw(" "),
        ];
        spans.extend(input(Field::Value(i), &c.value));
        if c.op == crate::profile::Op::MaskedEq {
            spans.push(Span::raw(" == "));
            spans.extend(input(Field::ValueTwo(i), &c.value_two));
        }
        lines.push(Line::from(spans));
    }
    if form.conds.is_empty() {
        lines.push(Line::styled(msg!("ed-form-no-conditions"), theme.dim()));
    }
    let options = form.completions();
    if !options.is_empty() {
        let shown: Vec<String> = options.iter().take(6).cloned().collect();
        let more = options.len().saturating_sub(6);
        let tail = if more > 0 {
            format!(" (+{more})")
        } else {
            String::new()
        };
        lines.push(Line::styled(
            format!("  tab: {}{tail}", shown.join("  ")),
            theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
    for w in form.warnings() {
        lines.push(Line::styled(format!("⚠ {w}"), theme.warning()));
    }
    if let Some(e) = &form.error {
        lines.push(Line::styled(format!("✗ {e}"), theme.warning()));
    }
    lines.push(Line::styled(hints::line(keymap, &FORM_KEYS), theme.dim()));
    lines.push(Line::styled(msg!("ed-form-values"), theme.dim()));
    lines
}
