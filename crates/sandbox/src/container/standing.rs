//! A standing seccomp agent (`seccompose agent`): serves a unix socket that any runtime may
//! connect to (runc under Docker, crun under podman, runc by hand), for as many containers as
//! connect, until it is stopped. Each container's filter is the draft's observed rewrite (the
//! user hands it to the engine, `listenerPath` naming this socket); every notification is
//! answered exactly as in `run --container`, and every stop is passed on as it happens.

use super::agent::{answer, receive};
use super::{observer_for, ContainerError, Phase};
use crate::Stop;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use seccompose_core::profile::{Profile, Target};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::fs::FileTypeExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::thread::JoinHandle;

/// What the agent saw, as it happens.
#[derive(Debug)]
pub enum AgentEvent {
    /// A runtime connected and handed over a container's notification fd.
    Connected {
        /// The container's id (from the state the runtime sent), or `pid N`.
        container: String,
    },
    /// A connection that handed over no notification fd.
    Unusable,
    /// A call the draft stops.
    Stop {
        /// The container's id.
        container: String,
        /// The runtime's start-up or the command.
        phase: Phase,
        /// The stop.
        stop: Box<Stop>,
    },
    /// The container's filter has no task left.
    Ended {
        /// The container's id.
        container: String,
        /// Every stop it made.
        stops: Vec<(Phase, Stop)>,
    },
}

/// A running agent: its events, and the socket removed when it is dropped.
pub struct Agent {
    /// What it sees, as it happens.
    pub events: mpsc::Receiver<AgentEvent>,
    thread: Option<JoinHandle<usize>>,
    socket: PathBuf,
}

impl Agent {
    /// Waits for the agent to end (after `stop` is set); how many containers it was still
    /// serving then (their notified calls fail with ENOSYS from then on: no listener is left).
    pub fn wait(mut self) -> usize {
        self.thread
            .take()
            .and_then(|t| t.join().ok())
            .unwrap_or_default()
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.socket);
    }
}

/// Binds `socket` (replacing a stale socket no one serves; never another file) and serves every
/// runtime that connects with `profile`'s observed answers for `target`, until `stop` is set.
pub fn serve_socket(
    profile: &Profile,
    target: &Target,
    socket: &Path,
    stop: Arc<AtomicBool>,
) -> Result<Agent, ContainerError> {
    let observer = observer_for(profile, target, mpsc::channel().0)?;
    let listener = bind(socket)?;
    listener.set_nonblocking(true)?;
    let (events, receiver) = mpsc::channel();
    // runc's init is `runc:[2:INIT]` (the agent knows that name); crun's runs as `crun`.
    let comm = target.runtime.name().to_string();
    let thread = std::thread::spawn(move || {
        let live = Arc::new(AtomicUsize::new(0));
        let mut served = Vec::new();
        while !stop.load(Ordering::Acquire) {
            match listener.accept() {
                Ok((stream, _)) => {
                    let (observer, comm, events) = (observer.clone(), comm.clone(), events.clone());
                    let (stop, live) = (stop.clone(), live.clone());
                    served.push(std::thread::spawn(move || {
                        let Some((fd, state)) = receive(stream) else {
                            let _ = events.send(AgentEvent::Unusable);
                            return;
                        };
                        let container = state
                            .as_ref()
                            .and_then(|s| s["state"]["id"].as_str().map(str::to_string))
                            .or_else(|| state.as_ref().map(|s| format!("pid {}", s["pid"])))
                            .unwrap_or_else(|| "a container".into());
                        let _ = events.send(AgentEvent::Connected {
                            container: container.clone(),
                        });
                        let (stops, _) = answer(&fd, &observer, &comm, &stop, false, |(p, s)| {
                            let _ = events.send(AgentEvent::Stop {
                                container: container.clone(),
                                phase: *p,
                                stop: Box::new(s.clone()),
                            });
                        });
                        if hung_up(&fd) {
                            let _ = events.send(AgentEvent::Ended { container, stops });
                        } else {
                            live.fetch_add(1, Ordering::AcqRel);
                        }
                    }));
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    let mut fds = [PollFd::new(listener.as_fd(), PollFlags::POLLIN)];
                    let _ = poll(&mut fds, PollTimeout::from(100u8));
                }
                Err(_) => break,
            }
        }
        for t in served {
            let _ = t.join();
        }
        live.load(Ordering::Acquire)
    });
    Ok(Agent {
        events: receiver,
        thread: Some(thread),
        socket: socket.to_path_buf(),
    })
}

/// Binds `path`: a socket file left by an agent that is gone is replaced; a live one, or any
/// other file, is an error.
fn bind(path: &Path) -> Result<UnixListener, ContainerError> {
    if let Ok(meta) = path.symlink_metadata() {
        if !meta.file_type().is_socket() {
            return Err(ContainerError::Runtime(format!(
                "{} exists and is not a socket: give another --socket",
                path.display()
            )));
        }
        if UnixStream::connect(path).is_ok() {
            return Err(ContainerError::Runtime(format!(
                "{} is served by another agent already",
                path.display()
            )));
        }
        std::fs::remove_file(path)?;
    }
    UnixListener::bind(path)
        .map_err(|e| ContainerError::Runtime(format!("cannot listen on {}: {e}", path.display())))
}

/// Whether every task of the filter behind `fd` is gone.
fn hung_up(fd: &OwnedFd) -> bool {
    let mut fds = [PollFd::new(fd.as_fd(), PollFlags::POLLIN)];
    poll(&mut fds, PollTimeout::ZERO).is_ok()
        && fds[0]
            .revents()
            .is_some_and(|r| r.contains(PollFlags::POLLHUP))
}
