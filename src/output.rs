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

/// Fails if any target exists and `force` is off, so that a refused build writes nothing.
pub fn ensure_free(paths: &[&Path], force: bool) -> Result<()> {
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
    let mut created: Vec<&Path> = Vec::new();
    for (tmp, file) in staged.into_iter().zip(files) {
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

/// Writes `file`'s bytes into a temporary file beside its target.
fn stage(file: &OutputFile) -> Result<tempfile::NamedTempFile> {
    let dir = match file.path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create directory {}", dir.display()))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".strategiekit-");
    // like any new file: readable by others as the umask allows (tempfile's default is 0600)
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp =
        builder.tempfile_in(dir).with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    tmp.write_all(&file.bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", file.path.display()))?;
    Ok(tmp)
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
    persist(stage(file)?, file, force)
}
