//! Key hints as data: each a text whose `{}`s are the keys of some commands, as the user
//! bound them, filled in by one function for the status bar and every pane's footer.

use crate::tui::keymap::{Command, Context, KeyMap};

/// One hint: `what`, each `{}` in it standing for the key of the next of `commands`.
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    context: Context,
    commands: &'static [Command],
    what: &'static str,
}

impl Hint {
    /// A hint for commands bound in `context`.
    pub const fn new(context: Context, commands: &'static [Command], what: &'static str) -> Hint {
        Hint {
            context,
            commands,
            what,
        }
    }

    /// The hint with the user's keys in it.
    pub fn text(&self, keymap: &KeyMap) -> String {
        let mut keys = self
            .commands
            .iter()
            .map(|c| keymap.key_for(self.context, *c));
        let mut pieces = self.what.split("{}");
        let mut out = pieces.next().unwrap_or_default().to_string();
        for piece in pieces {
            out.push_str(keys.next().unwrap_or("?"));
            out.push_str(piece);
        }
        out
    }
}

/// The hints as one line, ` · ` between them.
pub fn line(keymap: &KeyMap, hints: &[Hint]) -> String {
    let texts: Vec<String> = hints.iter().map(|h| h.text(keymap)).collect();
    texts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fill_the_placeholders_in_order() {
        let keymap = KeyMap::builtin();
        let hints = [
            Hint::new(Context::Global, &[Command::Help], "{} help"),
            Hint::new(
                Context::Global,
                &[Command::Undo, Command::Redo],
                "{}/{} undo",
            ),
            Hint::new(Context::Global, &[], "no keys"),
        ];
        let help = keymap.key_for(Context::Global, Command::Help);
        let undo = keymap.key_for(Context::Global, Command::Undo);
        let redo = keymap.key_for(Context::Global, Command::Redo);
        assert_eq!(
            line(&keymap, &hints),
            format!("{help} help · {undo}/{redo} undo · no keys")
        );
    }
}
