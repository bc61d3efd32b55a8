//! Key hints as data: each a message (`assets/messages/*.ftl`, ids `hint-...`) whose
//! arguments `$k1`, `$k2`... are the keys of some commands, as the user bound them, filled in
//! by one function for the status bar and every pane's footer.

use crate::i18n::{self, FluentValue};
use crate::tui::keymap::{Command, Context, KeyMap};

/// The names of the key arguments, in order.
const KEY_ARGS: [&str; 9] = ["k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"];

/// One hint: the message `id`, its `$k1`... standing for the keys of `commands` in order.
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    context: Context,
    commands: &'static [Command],
    id: &'static str,
}

impl Hint {
    /// A hint for commands bound in `context`; `id` is a message id beginning with `hint-`
    /// (checked when the constant is built, so the message test finds every hint).
    pub const fn new(context: Context, commands: &'static [Command], id: &'static str) -> Hint {
        let (id_bytes, prefix) = (id.as_bytes(), b"hint-");
        assert!(id_bytes.len() > prefix.len() && commands.len() <= KEY_ARGS.len());
        let mut i = 0;
        while i < prefix.len() {
            assert!(
                id_bytes[i] == prefix[i],
                "a hint's message id begins with hint-"
            );
            i += 1;
        }
        Hint {
            context,
            commands,
            id,
        }
    }

    /// The hint with the user's keys in it, and `extra` arguments.
    pub fn text(&self, keymap: &KeyMap, extra: &[(&str, FluentValue<'_>)]) -> String {
        let mut args: Vec<(&str, FluentValue)> = KEY_ARGS
            .iter()
            .zip(self.commands)
            .map(|(name, c)| (*name, FluentValue::from(keymap.key_for(self.context, *c))))
            .collect();
        args.extend(extra.iter().cloned());
        i18n::text(self.id, &args)
    }
}

/// The hints as one line, ` · ` between them.
pub fn line(keymap: &KeyMap, hints: &[Hint]) -> String {
    line_with(keymap, hints, &[])
}

/// The hints as one line, with `extra` arguments for the messages that use them.
pub fn line_with(keymap: &KeyMap, hints: &[Hint], extra: &[(&str, FluentValue<'_>)]) -> String {
    let texts: Vec<String> = hints.iter().map(|h| h.text(keymap, extra)).collect();
    texts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fill_the_placeholders_in_order() {
        let keymap = KeyMap::builtin();
        crate::i18n::set_thread_language(crate::lang::Language::En);
        let hints = [
            Hint::new(Context::Global, &[Command::Help], "hint-help"),
            Hint::new(
                Context::Form,
                &[Command::PrevField, Command::NextField],
                "hint-field",
            ),
            Hint::new(Context::Terminal, &[], "hint-keys-to-command"),
        ];
        let help = keymap.key_for(Context::Global, Command::Help);
        let prev = keymap.key_for(Context::Form, Command::PrevField);
        let next = keymap.key_for(Context::Form, Command::NextField);
        assert_eq!(
            line(&keymap, &hints),
            format!("{help} help · {prev}/{next} field · keys go to the command")
        );
    }
}
