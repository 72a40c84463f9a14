//! `sandbox -- CMD` and `listen -- CMD`: the user's command, run beside a server with the
//! server's addresses in its environment. Its standard streams are ours; Ctrl-C, SIGTERM and
//! SIGHUP are passed on to it; its exit status becomes ours (a signal N as 128 + N, as shells
//! report it).

use std::ffi::OsString;
use std::process::ExitStatus;

use crate::{Error, Result};

/// A running command.
pub(crate) struct Child {
    inner: tokio::process::Child,
    name: String,
    signals: Signals,
}

/// Starts `argv` with `env` added to ours. A command that cannot be started is a usage error.
pub(crate) fn spawn(argv: &[OsString], env: &[(&str, String)]) -> Result<Child> {
    let Some((program, args)) = argv.split_first() else {
        return Err(Error::usage("no command after --"));
    };
    let name = program.to_string_lossy().into_owned();
    // Watched before the command starts: a signal right after must reach it, not end us.
    let signals = Signals::watch()?;
    let mut cmd = tokio::process::Command::new(program);
    cmd.args(args).envs(env.iter().map(|(k, v)| (k, v)));
    // A hookctl that fails on its own must not leave the command running.
    cmd.kill_on_drop(true);
    let inner = cmd.spawn().map_err(|e| {
        Error::usage_hint(
            format!("cannot run '{}': {e}", crate::sanitize::sanitize_line(&name)),
            "the command after -- is run directly (no shell); for a pipeline use: -- sh -c '…'",
        )
    })?;
    Ok(Child { inner, name, signals })
}

impl Child {
    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    /// Waits for the command to end, passing Ctrl-C, SIGTERM and SIGHUP on to it. A second
    /// Ctrl-C kills it: a command that ignores the first must not hold the terminal.
    pub(crate) async fn wait(&mut self) -> Result<u8> {
        let status = self.signals.forward_until_exit(&mut self.inner).await?;
        Ok(code(status))
    }
}

#[cfg(unix)]
struct Signals {
    int: tokio::signal::unix::Signal,
    term: tokio::signal::unix::Signal,
    hup: tokio::signal::unix::Signal,
}

#[cfg(unix)]
impl Signals {
    fn watch() -> Result<Signals> {
        use tokio::signal::unix::{signal, SignalKind};
        let on = |kind| signal(kind).map_err(|e| Error::io("cannot watch signals", e));
        Ok(Signals {
            int: on(SignalKind::interrupt())?,
            term: on(SignalKind::terminate())?,
            hup: on(SignalKind::hangup())?,
        })
    }

    async fn forward_until_exit(&mut self, child: &mut tokio::process::Child) -> Result<ExitStatus> {
        let mut interrupts = 0;
        loop {
            let forward = tokio::select! {
                status = child.wait() => return status.map_err(|e| Error::io("cannot wait for the command", e)),
                _ = self.int.recv() => {
                    interrupts += 1;
                    if interrupts > 1 { libc::SIGKILL } else { libc::SIGINT }
                }
                _ = self.term.recv() => libc::SIGTERM,
                _ = self.hup.recv() => libc::SIGHUP,
            };
            if let Some(pid) = child.id() {
                send(pid, forward);
            }
        }
    }
}

#[cfg(not(unix))]
struct Signals;

#[cfg(not(unix))]
impl Signals {
    fn watch() -> Result<Signals> {
        Ok(Signals)
    }

    /// The console delivers Ctrl-C to the whole process group: the command gets its own.
    async fn forward_until_exit(&mut self, child: &mut tokio::process::Child) -> Result<ExitStatus> {
        child.wait().await.map_err(|e| Error::io("cannot wait for the command", e))
    }
}

#[cfg(unix)]
fn send(pid: u32, signal: libc::c_int) {
    if let Ok(pid) = libc::pid_t::try_from(pid) {
        // SAFETY: kill(2) has no memory effects; a pid that already exited is an ESRCH error.
        unsafe {
            libc::kill(pid, signal);
        }
    }
}

/// The exit code a shell would report: the code, or 128 + the signal that ended it.
fn code(status: ExitStatus) -> u8 {
    if let Some(c) = status.code() {
        return u8::try_from(c).unwrap_or(1);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return u8::try_from(128 + sig).unwrap_or(1);
        }
    }
    1
}
