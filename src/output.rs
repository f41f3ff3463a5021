//! Writing output files: atomically (a temporary file in the target
//! directory, then a rename) and never over an existing file without `force`.

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

/// Writes `file` atomically; with `force` off an existing target is left alone and reported.
pub fn write_atomic(file: &OutputFile, force: bool) -> Result<()> {
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
    let result = if force { tmp.persist(&file.path).map(drop) } else { tmp.persist_noclobber(&file.path).map(drop) };
    result.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!("{} already exists; use --force to replace it", file.path.display())
        } else {
            anyhow::Error::new(e.error).context(format!("cannot write {}", file.path.display()))
        }
    })
}
