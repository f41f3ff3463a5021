//! PDF, rendered by LibreOffice from the ODT: an existing engine, found on
//! `PATH` (or named by `--soffice`), which lays the document out, fills the
//! table of contents with page numbers and writes a tagged PDF (PDF/UA
//! where LibreOffice offers it) with its fonts embedded.
//!
//! LibreOffice's `--convert-to` does not update indexes, so the ODT is
//! converted through LibreOffice's UNO API by a small Python script
//! (`convert.py`, embedded), run with a Python that has LibreOffice's `uno`
//! module: the one beside `soffice` where LibreOffice brings its own, else
//! `python3` (Debian: `python3-uno`). Each conversion uses its own
//! LibreOffice profile, so builds in parallel do not disturb each other.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{Context as _, Result, bail};
use wait_timeout::ChildExt as _;

use super::{Input, Renderer, Settings};
use crate::templates::TemplateSet;

/// The conversion script.
const SCRIPT: &str = include_str!("convert.py");

/// How long one conversion may take before it is stopped.
const TIMEOUT: Duration = Duration::from_secs(300);

/// What to install when LibreOffice is missing.
const INSTALL: &str = "install LibreOffice (Debian/Ubuntu: apt install libreoffice-writer-nogui python3-uno; \
     other systems: libreoffice.org) or name its soffice with --soffice PATH";

/// Renders documents as PDF through LibreOffice.
pub struct Pdf {
    /// `soffice` as given by `--soffice`; `None` looks it up on `PATH`.
    office: Option<PathBuf>,
}

impl Renderer for Pdf {
    fn new(_: &TemplateSet, settings: &Settings) -> Result<Self> {
        Ok(Pdf { office: settings.office.clone() })
    }

    fn render(&self, input: &Input<'_>) -> Result<Vec<u8>> {
        let odt = super::odt::render(input.document)?;
        let office = office(self.office.as_deref())?;
        convert(&office, &odt)
    }
}

/// The `soffice` to run: `given`, or the first `soffice` (or `libreoffice`) on `PATH`.
pub fn office(given: Option<&Path>) -> Result<PathBuf> {
    if let Some(path) = given {
        return which::which(path).map_err(|_| {
            anyhow::anyhow!(
                "cannot make a PDF: --soffice {} is not a program that can be run; {INSTALL}",
                path.display()
            )
        });
    }
    which::which("soffice")
        .or_else(|_| which::which("libreoffice"))
        .map_err(|_| anyhow::anyhow!("cannot make a PDF: LibreOffice (soffice) is not on PATH; {INSTALL}"))
}

/// The Pythons that may run the script, in the order they are tried:
/// LibreOffice's own beside `office` (Windows, macOS), `python3` on `PATH`,
/// and the system's `/usr/bin/python3`, which has Debian's `python3-uno`
/// when `PATH` leads to another Python first.
fn pythons(office: &Path) -> Vec<PathBuf> {
    let real = office.canonicalize().unwrap_or_else(|_| office.to_path_buf());
    let bundled = ["python", "python.exe", "../Resources/python"]
        .iter()
        .filter_map(|name| real.parent().map(|dir| dir.join(name)))
        .filter(|p| p.is_file());
    let mut out: Vec<PathBuf> = bundled.collect();
    out.extend(which::which("python3").ok());
    let system = PathBuf::from("/usr/bin/python3");
    if system.is_file() && !out.iter().any(|p| p.canonicalize().ok() == system.canonicalize().ok()) {
        out.push(system);
    }
    out
}

/// Converts the ODT `odt` to PDF with `office`.
fn convert(office: &Path, odt: &[u8]) -> Result<Vec<u8>> {
    let dir = tempfile::Builder::new()
        .prefix(".strategiekit-pdf-")
        .tempdir()
        .context("cannot make a temporary directory for the PDF")?;
    let (script, source, target) =
        (dir.path().join("convert.py"), dir.path().join("in.odt"), dir.path().join("out.pdf"));
    std::fs::write(&script, SCRIPT).context("cannot write the conversion script")?;
    std::fs::write(&source, odt).context("cannot write the ODT for LibreOffice")?;
    let candidates = pythons(office);
    if candidates.is_empty() {
        bail!("cannot make a PDF: no python3 to run LibreOffice's conversion; {INSTALL}");
    }
    let profile = dir.path().join("profile");
    let args = [script.as_path(), office, &profile, &source, &target];
    let mut converted = false;
    for python in &candidates {
        if let Ran::Done = run(python, &args)? {
            converted = true;
            break;
        }
    }
    if !converted {
        bail!(
            "cannot make a PDF: {} has no LibreOffice `uno` module; install it (Debian/Ubuntu: apt install python3-uno)",
            candidates.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
    }
    let pdf = std::fs::read(&target).context("cannot make a PDF: LibreOffice wrote none")?;
    if !pdf.starts_with(b"%PDF-") {
        bail!("cannot make a PDF: what LibreOffice wrote is not a PDF");
    }
    Ok(pdf)
}

/// How a run of the conversion script ended, if not in an error.
enum Ran {
    Done,
    /// The Python has no `uno` module.
    NoUno,
}

/// Runs the conversion script with `python` and `args`.
fn run(python: &Path, args: &[&Path]) -> Result<Ran> {
    let mut child = Command::new(python)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot make a PDF: cannot run {}; {INSTALL}", python.display()))?;
    let Some(status) = child.wait_timeout(TIMEOUT).context("cannot wait for LibreOffice")? else {
        child.kill().ok();
        child.wait().ok();
        bail!("cannot make a PDF: LibreOffice took longer than {} seconds and was stopped", TIMEOUT.as_secs());
    };
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        std::io::Read::read_to_string(&mut pipe, &mut stderr).ok();
    }
    match status.code() {
        Some(0) => Ok(Ran::Done),
        Some(3) => Ok(Ran::NoUno),
        _ => bail!("cannot make a PDF: LibreOffice failed: {}", last_lines(&stderr)),
    }
}

/// The last lines of what a failed conversion printed, or "no message".
fn last_lines(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() { "no message".into() } else { lines[lines.len().saturating_sub(3)..].join(" / ") }
}
