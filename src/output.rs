//! Writing output files: atomically (a temporary file in the target
//! directory, then a rename) and never over an existing file without `force`;
//! the files of one input all or none ([`write_all`]).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

/// A file to write.
#[derive(Debug)]
pub struct OutputFile {
    /// Target path.
    pub path: PathBuf,
    /// Its contents.
    pub bytes: Vec<u8>,
}

/// Locks on the directories builds write into, held while it lives: a
/// second build into one of them waits until the first is done, so that
/// their files never mix (advisory locks, `flock` on the directory itself,
/// which leaves no file behind).
#[derive(Debug)]
pub struct DirLocks {
    held: Vec<std::fs::File>,
}

impl Drop for DirLocks {
    fn drop(&mut self) {
        self.held.clear();
        // the directories made to lock them go again if nothing was written there
        crate::signals::remove_made_dirs();
    }
}

/// The directory `path` is written into: its parent, or `.` for a bare file name.
pub fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Locks each of `dirs`, in a fixed order so that two builds cannot wait
/// for each other; `waiting` is called before waiting for one. A directory
/// that does not exist yet is made (and removed again when the lock goes,
/// if nothing was written into it), so that every build locks the same one.
/// The directories are given as [`dir_of`] names them.
pub fn lock_dirs<'a>(dirs: impl IntoIterator<Item = &'a Path>, waiting: impl Fn(&Path)) -> DirLocks {
    let mut locks = DirLocks { held: Vec::new() };
    let mut unique = std::collections::BTreeSet::new();
    for dir in dirs {
        if !dir.exists() {
            let new = dir.ancestors().take_while(|a| !a.as_os_str().is_empty() && !a.exists()).collect::<Vec<_>>();
            if std::fs::create_dir_all(dir).is_ok() {
                new.into_iter().rev().for_each(crate::signals::track_dir);
            }
        }
        unique.extend(dir.canonicalize().ok());
    }
    for dir in unique {
        // a directory that cannot be opened or locked (another platform, a
        // file system without locks) is written without a lock, as before
        let Ok(file) = std::fs::File::open(&dir) else { continue };
        match file.try_lock() {
            Ok(()) => locks.held.push(file),
            Err(std::fs::TryLockError::WouldBlock) => {
                waiting(&dir);
                if file.lock().is_ok() {
                    locks.held.push(file);
                }
            }
            Err(std::fs::TryLockError::Error(_)) => {}
        }
    }
    locks
}

/// Fails if any target exists and `force` is off, so that a refused build writes nothing.
fn ensure_free(paths: &[&Path], force: bool) -> Result<()> {
    if force {
        return Ok(());
    }
    let existing: Vec<String> = paths.iter().filter(|p| p.exists()).map(|p| p.display().to_string()).collect();
    match existing.len() {
        0 => {}
        1 => bail!("{} already exists; use --force to replace it", existing[0]),
        _ => bail!("{} already exist; use --force to replace them", existing.join(", ")),
    }
    Ok(())
}

/// The prefix of the temporary files written beside their targets.
const TEMP_PREFIX: &str = ".strategiekit-";

/// How old a temporary file must be before a later run takes it for one a
/// killed run left behind (a running build keeps its own for milliseconds).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Removes the temporary files in `dir` that a run killed before it could
/// rename them left behind (`kill -9`, a power cut); returns how many.
/// Only files with strategiekit's prefix, older than ten minutes, are touched.
pub fn remove_stale_temps(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    let now = std::time::SystemTime::now();
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(TEMP_PREFIX))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| {
            let modified = e.metadata().and_then(|m| m.modified());
            modified.is_ok_and(|m| now.duration_since(m).is_ok_and(|age| age > STALE_AFTER))
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// Writes `files` all or none: every target is checked first (a directory
/// where a file goes, an existing file without `force`), every file is
/// written beside its target, and only then are they renamed into place. If
/// a rename still fails, the files this call created are removed again (a file
/// replaced under `force` cannot be restored).
pub fn write_all(files: &[OutputFile], force: bool) -> Result<()> {
    let paths: Vec<&Path> = files.iter().map(|f| f.path.as_path()).collect();
    if let Some(dir) = paths.iter().find(|p| p.is_dir()) {
        bail!("{} is a directory; a file of this build goes there; remove or rename it", dir.display());
    }
    ensure_free(&paths, force)?;
    let staged = files.iter().map(stage).collect::<Result<Vec<_>>>()?;
    pause_for_tests();
    let mut created: Vec<&Path> = Vec::new();
    for ((tmp, _tracked), file) in staged.into_iter().zip(files) {
        let existed = file.path.exists();
        if let Err(e) = persist(tmp, file, force) {
            created.iter().for_each(|path| drop(std::fs::remove_file(path)));
            return Err(e);
        }
        if !existed {
            created.push(&file.path);
        }
    }
    Ok(())
}

/// For the tests of what a signal or a second build does while files are
/// staged: `STRATEGIEKIT_TEST_PAUSE_MS` makes [`write_all`] wait that long
/// between staging and renaming.
fn pause_for_tests() {
    let pause = std::env::var("STRATEGIEKIT_TEST_PAUSE_MS").ok().and_then(|ms| ms.parse().ok());
    if let Some(ms) = pause {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// Writes `file`'s bytes into a temporary file beside its target, which a
/// signal removes until it is renamed into place.
fn stage(file: &OutputFile) -> Result<(tempfile::NamedTempFile, crate::signals::Tracked)> {
    let dir = dir_of(&file.path);
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create directory {}", dir.display()))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    // like any new file: readable by others as the umask allows (tempfile's default is 0600)
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp =
        builder.tempfile_in(dir).with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    let tracked = crate::signals::track(tmp.path());
    tmp.write_all(&file.bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", file.path.display()))?;
    Ok((tmp, tracked))
}

/// Renames a staged file onto its target; without `force` never over an existing file.
fn persist(tmp: tempfile::NamedTempFile, file: &OutputFile, force: bool) -> Result<()> {
    let result = if force { tmp.persist(&file.path).map(drop) } else { tmp.persist_noclobber(&file.path).map(drop) };
    result.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!("{} already exists; use --force to replace it", file.path.display())
        } else {
            anyhow::Error::new(e.error).context(format!("cannot write {}", file.path.display()))
        }
    })
}

/// Writes `file` atomically; with `force` off an existing target is left alone and reported.
pub fn write_atomic(file: &OutputFile, force: bool) -> Result<()> {
    let (tmp, _tracked) = stage(file)?;
    persist(tmp, file, force)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_temporary_files_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().expect("temp dir");
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        for name in [".strategiekit-old1", ".strategiekit-new2", "ulm.md", ".other-old"] {
            let file = std::fs::File::create(dir.path().join(name)).expect("create");
            if name.contains("old") {
                file.set_modified(old).expect("set mtime");
            }
        }
        assert_eq!(remove_stale_temps(dir.path()), 1);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".other-old", ".strategiekit-new2", "ulm.md"]);
    }
}
