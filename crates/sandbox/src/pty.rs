//! A pseudo-terminal for a command: the command gets the terminal side as its standard input,
//! output and error and as its controlling terminal (so job control, `isatty` and the window
//! size work as in a real terminal); the caller reads and writes the other side.

use nix::pty::Winsize;
use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd};
use std::process::Stdio;

/// Both sides of a fresh pseudo-terminal, close-on-exec.
pub struct Pty {
    /// The side the caller reads the command's output from and writes its input to.
    pub master: OwnedFd,
    /// The command's terminal.
    slave: OwnedFd,
}

fn winsize(rows: u16, cols: u16) -> Winsize {
    Winsize {
        ws_row: rows.max(1),
        ws_col: cols.max(1),
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

fn cloexec(fd: &OwnedFd) -> std::io::Result<()> {
    use nix::fcntl::{fcntl, FcntlArg, FdFlag};
    fcntl(fd, FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC))?;
    Ok(())
}

// `TIOCSWINSZ`: sets a terminal's window size from a `winsize`.
nix::ioctl_write_ptr_bad!(set_window_size, nix::libc::TIOCSWINSZ, Winsize);

impl Pty {
    /// Opens a pseudo-terminal of `rows` x `cols`.
    pub fn open(rows: u16, cols: u16) -> std::io::Result<Pty> {
        let size = winsize(rows, cols);
        let pair = nix::pty::openpty(Some(&size), None).map_err(std::io::Error::from)?;
        // Neither side may leak into the command (beyond the stdio copies) or other children:
        // a leaked master would keep the terminal alive after the command ends.
        cloexec(&pair.master)?;
        cloexec(&pair.slave)?;
        Ok(Pty {
            master: pair.master,
            slave: pair.slave,
        })
    }

    /// Standard input, output and error on the terminal side, for [`super::RunOptions`].
    pub fn stdio(&self) -> std::io::Result<(Stdio, Stdio, Stdio)> {
        Ok((
            Stdio::from(self.slave.try_clone()?),
            Stdio::from(self.slave.try_clone()?),
            Stdio::from(self.slave.try_clone()?),
        ))
    }

    /// Keeps only the caller's side: once the command has its copies, ours must close, or
    /// reading would never see the end of the command's output.
    pub fn into_master(self) -> OwnedFd {
        self.master
    }
}

/// Tells the command its terminal now has `rows` x `cols` (it gets SIGWINCH).
pub fn resize(master: BorrowedFd<'_>, rows: u16, cols: u16) -> std::io::Result<()> {
    let size = winsize(rows, cols);
    // SAFETY: TIOCSWINSZ reads one winsize, which `size` is, from a live local.
    unsafe { set_window_size(master.as_raw_fd(), &size) }?;
    Ok(())
}

/// Between fork and exec, in the command itself: a new session whose controlling terminal is
/// standard input, so the terminal's signals (Ctrl-C, Ctrl-Z, SIGWINCH) reach the command and
/// not seccompose's helpers. Async-signal-safe: two syscalls, no allocation.
pub fn take_terminal() -> std::io::Result<()> {
    super::sys::child::take_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn a_command_sees_a_terminal_of_the_given_size() {
        let pty = Pty::open(7, 33).unwrap();
        let (i, o, e) = pty.stdio().unwrap();
        let mut child = std::process::Command::new("stty")
            .arg("size")
            .stdin(i)
            .stdout(o)
            .stderr(e)
            .spawn()
            .unwrap();
        let mut master = std::fs::File::from(pty.into_master());
        assert!(child.wait().unwrap().success());
        let mut out = Vec::new();
        let mut buf = [0u8; 256];
        // Linux reports EIO once the last terminal-side descriptor is closed.
        while let Ok(n) = master.read(&mut buf) {
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        assert_eq!(String::from_utf8_lossy(&out).trim(), "7 33");
    }
}
