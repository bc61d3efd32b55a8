//! Owning the terminal: raw mode, the alternate screen and mouse capture on the way in, and
//! always giving them back on the way out, including after a panic or SIGTERM/SIGHUP.

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::Terminal;
use std::io::{self, Stdout};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// The terminal the editor draws on.
pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Takes over the terminal.
pub fn enter() -> io::Result<Term> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    // Bracketed paste: a paste arrives whole, so its line breaks are never taken for Enter.
    if let Err(e) = execute!(
        out,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    ) {
        leave();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(out))
}

/// Gives the terminal back; safe to call more than once.
pub fn leave() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

/// Restores the terminal before the default panic message, so the message is readable and
/// the shell is usable, and writes the unsaved changes to the recovery file.
pub fn restore_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        super::recovery::write_remembered();
        eprintln!("seccompose: {}", crate::msg!("ed-crashed"));
        previous(info);
    }));
}

/// A flag that SIGTERM or SIGHUP raise; the event loop checks it and exits cleanly.
pub fn stop_signals() -> io::Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&flag))?;
    }
    Ok(flag)
}

/// Whether standard input has hung up (the terminal's other end closed).
fn hung_up() -> bool {
    let mut fd = libc::pollfd {
        fd: 0,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: a zero-timeout poll on one valid pollfd.
    let ready = unsafe { libc::poll(&mut fd, 1, 0) };
    ready == 1 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// Watches for the terminal going away without the event loop noticing: crossterm then
/// spins inside its own read loop (reading end-of-file) and never returns to us. When the
/// terminal has hung up, or `stop` was raised and the loop did not leave within half a
/// second, the watcher writes the unsaved changes to the recovery file and ends the process.
pub fn watch_for_hangup(stop: Arc<AtomicBool>) {
    // SAFETY: isatty has no preconditions.
    if unsafe { libc::isatty(0) } != 1 {
        return;
    }
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let stopping = stop.load(std::sync::atomic::Ordering::Acquire);
        let gone = hung_up();
        if gone || stopping {
            if !gone {
                // Give the event loop its chance to leave cleanly first.
                std::thread::sleep(std::time::Duration::from_millis(500));
            }
            super::recovery::write_remembered();
            std::process::exit(if gone { 129 } else { 143 });
        }
    });
}
