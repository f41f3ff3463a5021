//! Ctrl-C (SIGINT), SIGTERM and SIGHUP: the temporary files a build has
//! staged are removed, the terminal is given back as the interview found it
//! (cursor shown, line editing on), and the process ends with 128 + the
//! signal's number (130, 143, 129), as shells report it. During the interview
//! Ctrl-C only raises a flag, and the interview saves its draft and ends
//! itself (see `interview::prompt`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Mutex, Once};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

static INSTALL: Once = Once::new();
/// The last signal caught, 0 for none.
static CAUGHT: AtomicI32 = AtomicI32::new(0);
/// Whether Ctrl-C is the interview's to handle.
static INTERVIEW: AtomicBool = AtomicBool::new(false);
/// The temporary files staged and not yet renamed into place.
static TEMPS: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());
/// The output directories a build made, removed again if still empty.
static DIRS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
#[cfg(unix)]
static TERMINAL: Mutex<Option<nix::sys::termios::Termios>> = Mutex::new(None);

/// Starts listening for the signals (once per process; later calls do nothing).
pub fn install() {
    INSTALL.call_once(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else { return };
        let listener = std::thread::Builder::new().name("signals".into()).spawn(move || {
            for signal in signals.forever() {
                CAUGHT.store(signal, Ordering::SeqCst);
                // the interview saves its draft and ends by itself
                if signal == SIGINT && INTERVIEW.load(Ordering::SeqCst) {
                    continue;
                }
                remove_temps();
                restore_terminal();
                std::process::exit(128 + signal);
            }
        });
        drop(listener);
    });
}

/// Hands Ctrl-C to the interview, and remembers the terminal's settings to
/// restore them if a signal ends the process while a prompt has changed them.
pub fn interview_mode() {
    install();
    INTERVIEW.store(true, Ordering::SeqCst);
    #[cfg(unix)]
    if let Ok(settings) = nix::sys::termios::tcgetattr(std::io::stderr())
        && let Ok(mut saved) = TERMINAL.lock()
    {
        *saved = Some(settings);
    }
}

/// Whether Ctrl-C was pressed (outside a prompt) since [`clear_interrupt`].
pub fn interrupted() -> bool {
    CAUGHT.load(Ordering::SeqCst) == SIGINT
}

/// Forgets a Ctrl-C (one typed inside the editor, which it used itself).
pub fn clear_interrupt() {
    CAUGHT.store(0, Ordering::SeqCst);
}

/// A staged temporary file that a signal removes; untracked when dropped
/// (after the file was renamed into place or removed).
#[derive(Debug)]
pub struct Tracked(PathBuf);

/// Tracks the temporary file at `path` until the guard is dropped.
pub fn track(path: &Path) -> Tracked {
    if let Ok(mut temps) = TEMPS.lock() {
        temps.insert(path.to_path_buf());
    }
    Tracked(path.to_path_buf())
}

impl Drop for Tracked {
    fn drop(&mut self) {
        if let Ok(mut temps) = TEMPS.lock() {
            temps.remove(&self.0);
        }
    }
}

/// Ends the process with `code` after removing the staged temporary files
/// and giving the terminal back (for a runaway that cannot be stopped otherwise).
pub fn exit_cleanly(code: i32) -> ! {
    remove_temps();
    restore_terminal();
    std::process::exit(code)
}

/// Remembers that a build made directory `dir`: a signal, or the end of the
/// build ([`remove_made_dirs`]), removes it again if nothing was written
/// there (its parents are to be tracked first).
pub fn track_dir(dir: &Path) {
    if let Ok(mut dirs) = DIRS.lock() {
        dirs.push(dir.to_path_buf());
    }
}

/// Removes the directories [`track_dir`] remembered that are still empty,
/// deepest first, and forgets them all (the build is over, or ends now).
pub fn remove_made_dirs() {
    if let Ok(mut dirs) = DIRS.lock() {
        // only empty ones go: `remove_dir` refuses a directory with files
        dirs.drain(..).rev().for_each(|dir| drop(std::fs::remove_dir(dir)));
    }
}

fn remove_temps() {
    if let Ok(temps) = TEMPS.lock() {
        temps.iter().for_each(|path| drop(std::fs::remove_file(path)));
    }
    remove_made_dirs();
}

/// Line editing and echo back on, and the cursor shown.
fn restore_terminal() {
    #[cfg(unix)]
    if let Ok(saved) = TERMINAL.lock()
        && let Some(settings) = saved.as_ref()
    {
        let _ = nix::sys::termios::tcsetattr(std::io::stderr(), nix::sys::termios::SetArg::TCSANOW, settings);
        let _ = console::Term::stderr().show_cursor();
    }
}
