//! Reading an input file safely: never more than [`MAX_INPUT_BYTES`], never a device, and
//! never waiting for a FIFO that has no writer.

use crate::i18n::Text;
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// The largest input accepted (64 MiB): real profiles are a few hundred KiB at most.
pub const MAX_INPUT_BYTES: u64 = 64 << 20;

/// Why an input is refused: an error kept as a text, said in the language of whoever shows it.
#[derive(Debug)]
struct Refused(Text);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.local())
    }
}

impl std::error::Error for Refused {}

fn refuse(what: Text) -> io::Error {
    let why = crate::text!("load-input-not-a-file", what = what);
    io::Error::new(io::ErrorKind::InvalidInput, Refused(why))
}

fn too_large() -> io::Error {
    let mib = (MAX_INPUT_BYTES >> 20).to_string();
    let why = crate::text!("load-input-too-large", mib = mib);
    io::Error::new(io::ErrorKind::InvalidData, Refused(why))
}

/// Reads a whole input file: a regular file up to 64 MiB (refused before anything is
/// allocated when it is larger), or a pipe or FIFO up to the same limit (a FIFO without a
/// writer reads as empty instead of waiting). Devices, sockets and folders are refused.
pub fn read_input(path: &Path) -> io::Result<Vec<u8>> {
    // Non-blocking, so opening a FIFO does not wait for a writer.
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)?;
    let meta = file.metadata()?;
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(refuse(crate::text!("load-input-folder")));
    }
    if kind.is_char_device() {
        return Err(refuse(crate::text!("load-input-char-device")));
    }
    if kind.is_block_device() {
        return Err(refuse(crate::text!("load-input-block-device")));
    }
    if kind.is_socket() {
        return Err(refuse(crate::text!("load-input-socket")));
    }
    if kind.is_file() && meta.len() > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    let mut out = Vec::with_capacity(meta.len().min(MAX_INPUT_BYTES) as usize);
    let mut chunk = [0u8; 64 * 1024];
    loop {
        match file.read(&mut chunk) {
            Ok(0) => return Ok(out),
            Ok(n) => {
                if (out.len() + n) as u64 > MAX_INPUT_BYTES {
                    return Err(too_large());
                }
                out.extend_from_slice(&chunk[..n]);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            // A pipe whose writer has written nothing yet: wait for data or its end.
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => wait_readable(&file)?,
            Err(e) => return Err(e),
        }
    }
}

fn wait_readable(file: &std::fs::File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let mut fd = libc::pollfd {
        fd: file.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: poll on one valid pollfd.
    if unsafe { libc::poll(&mut fd, 1, -1) } < 0 {
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
    Ok(())
}

/// Reads an input file as UTF-8 text (see [`read_input`]).
pub fn read_input_text(path: &Path) -> io::Result<String> {
    String::from_utf8(read_input(path)?)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.utf8_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_folders_and_huge_files_are_refused() {
        let e = read_input(Path::new("/dev/zero")).unwrap_err();
        assert!(e.to_string().contains("character device"), "{e}");
        let e = read_input(Path::new("/")).unwrap_err();
        assert!(e.to_string().contains("folder"), "{e}");
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.json");
        std::fs::File::create(&big)
            .unwrap()
            .set_len(MAX_INPUT_BYTES + 1)
            .unwrap();
        let e = read_input(&big).unwrap_err();
        assert!(e.to_string().contains("64 MiB"), "{e}");
        // Said in the language of the thread that shows it.
        crate::i18n::set_thread_language(crate::lang::Language::PtBr);
        assert!(e.to_string().contains("maior que 64 MiB"), "{e}");
        let e = read_input(Path::new("/")).unwrap_err();
        assert!(e.to_string().contains("é uma pasta"), "{e}");
        let small = dir.path().join("small.json");
        std::fs::write(&small, "{}").unwrap();
        assert_eq!(read_input(&small).unwrap(), b"{}");
    }

    #[test]
    fn a_fifo_without_writer_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o600)).unwrap();
        assert_eq!(read_input(&fifo).unwrap(), b"");
    }
}
