//! Where each input's files go, fixed before anything is read, so that two
//! inputs can never write the same file.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Build, Failure, Outcome, SettingsError, build_one, finish};
use crate::catalogue::Profile;
use crate::output::{OutputFile, write_all};
use crate::render::{Format, Renderers};

/// How many rendered inputs may wait for the writer (see [`Plan::run`]).
const WRITE_QUEUE: usize = 4;

/// Writes the files of one input at once (a build of one input has nothing to overlap).
fn write_now(mut outcome: Outcome, files: Option<Vec<OutputFile>>, force: bool) -> Outcome {
    if let Some(files) = files {
        let written = write_all(&files, force);
        finish(&mut outcome, paths_of(files), written);
    }
    outcome
}

/// The paths of `files`, whose bytes are dropped: a batch keeps only the
/// paths of what it wrote, never the documents.
fn paths_of(files: Vec<OutputFile>) -> Vec<PathBuf> {
    files.into_iter().map(|f| f.path).collect()
}

/// A build whose targets are fixed: each input with the file of each format.
#[derive(Debug)]
pub struct Plan {
    settings: Build,
    /// The formats, sorted, without repeats.
    formats: Vec<Format>,
    /// Each input (without repeats) and its targets; no targets for standard input.
    inputs: Vec<(PathBuf, Vec<(Format, PathBuf)>)>,
    /// Whether the one input goes to standard output (it is `-`, or `--out -`).
    to_stdout: bool,
}

impl Build {
    /// Fixes the targets of every input, or says why the settings do not fit together.
    pub fn plan(self) -> Result<Plan, SettingsError> {
        // the format a file name given as `--out` says (`ulm.docx`), unless it is a directory
        let named = self.out.extension().and_then(|e| e.to_str()).and_then(Format::from_extension);
        let named = named.filter(|_| !self.out.is_dir());
        let mut formats = self.formats.clone();
        if formats.is_empty() {
            formats.push(named.unwrap_or(Format::Md));
        }
        formats.sort();
        formats.dedup();
        let inputs = dedup(&self.inputs);
        let stdin = inputs.iter().any(|f| f.as_os_str() == "-");
        let dash_out = self.out == Path::new("-");
        if dash_out && !stdin && (inputs.len() != 1 || formats.len() != 1) {
            return Err(SettingsError("`--out -` writes one format of one file to standard output; give one input and one --format, or a directory to --out".into()));
        }
        if stdin && (inputs.len() != 1 || formats.len() != 1) {
            return Err(SettingsError("`-` reads one file from standard input and writes one format to standard output; give only `-` and one --format".into()));
        }
        if stdin && !dash_out && self.out != Path::new(".") {
            return Err(SettingsError(format!(
                "`-` writes to standard output, so --out {} has nothing to do; leave out --out and redirect instead: strategiekit build - --format {} > FILE",
                self.out.display(),
                formats[0].extension()
            )));
        }
        let to_stdout = stdin || dash_out;
        // `--out ulm.docx`: one file, as pandoc users write it
        let file = named.filter(|_| !to_stdout);
        if let Some(format) = file
            && (inputs.len() != 1 || formats != [format])
        {
            return Err(SettingsError(format!(
                "--out {} names one {} file; give one input and --format {} (or none), or a directory to --out",
                self.out.display(),
                format.extension().to_uppercase(),
                format.extension()
            )));
        }
        if file.is_none() {
            out_directory(&self.out)?;
        }
        let inputs = inputs
            .into_iter()
            .map(|input| {
                let targets = match file {
                    _ if to_stdout => Vec::new(),
                    Some(format) => vec![(format, self.out.clone())],
                    None => formats.iter().map(|&f| (f, target(&self.out, &input, self.profile, f))).collect(),
                };
                (input, targets)
            })
            .collect();
        Ok(Plan { settings: self, formats, inputs, to_stdout })
    }
}

impl Plan {
    /// Checks, renders and writes every input in parallel; one outcome per
    /// input, in the order given. Inputs whose files clash are not built at
    /// all, none of them.
    pub fn run(&self, renderers: &Renderers) -> Vec<Outcome> {
        let dirs: HashSet<&Path> =
            self.inputs.iter().flat_map(|(_, t)| t.iter().map(|(_, p)| crate::output::dir_of(p))).collect();
        // one build at a time into a directory, so that files of two never mix
        let _locks = crate::output::lock_dirs(dirs.iter().copied(), |dir| {
            eprintln!("note: waiting for another strategiekit build writing into {}", dir.display());
        });
        // what runs killed before their renames left behind, once per directory
        for dir in dirs {
            crate::output::remove_stale_temps(dir);
        }
        let owners = self.owners();
        let build = |(input, targets): &(PathBuf, Vec<(Format, PathBuf)>)| {
            if let Some(failure) = clash(input, targets, &owners) {
                return (Outcome::failed(input, failure), None);
            }
            let targets = (!self.to_stdout).then_some(targets.as_slice());
            build_one(input, targets, &self.settings, &self.formats, renderers)
        };
        let force = self.settings.force;
        if self.inputs.len() == 1 {
            return self.inputs.iter().map(build).map(|(outcome, files)| write_now(outcome, files, force)).collect();
        }
        // Rendering and writing overlap: the inputs are rendered in parallel,
        // and one writer puts each input's files on the disk (each waits for
        // `fsync`) while the next inputs are rendered. The queue holds a few
        // inputs, so that a batch never keeps many documents in memory.
        std::thread::scope(|scope| {
            let (queue, staged) = std::sync::mpsc::sync_channel::<(usize, Vec<OutputFile>)>(WRITE_QUEUE);
            let writer = scope.spawn(move || {
                staged.into_iter().map(|(i, files)| (i, write_all(&files, force), paths_of(files))).collect::<Vec<_>>()
            });
            let mut outcomes: Vec<Outcome> = self
                .inputs
                .par_iter()
                .enumerate()
                .map_with(queue, |queue, (i, planned)| {
                    let (mut outcome, files) = build(planned);
                    if let Some(files) = files
                        && let Err(std::sync::mpsc::SendError((_, files))) = queue.send((i, files))
                    {
                        finish(&mut outcome, paths_of(files), Err(anyhow::anyhow!("the writer of this build stopped")));
                    }
                    outcome
                })
                .collect();
            // every sender is gone with the parallel iterator, so the writer
            // ends, having written every input it was sent; a panic in it goes
            // on as one in a rendering thread would
            let written = writer.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (i, result, paths) in written {
                finish(&mut outcomes[i], paths, result);
            }
            outcomes
        })
    }

    /// The formats, sorted, without repeats (Markdown, or the one `--out FILE` names, when none was given).
    pub fn formats(&self) -> &[Format] {
        &self.formats
    }

    /// Whether the one input's document goes to standard output.
    pub fn to_stdout(&self) -> bool {
        self.to_stdout
    }

    /// Each target with the inputs that would write it.
    fn owners(&self) -> HashMap<&Path, Vec<&Path>> {
        let mut owners: HashMap<&Path, Vec<&Path>> = HashMap::new();
        for (input, targets) in &self.inputs {
            for (_, path) in targets {
                owners.entry(path.as_path()).or_default().push(input.as_path());
            }
        }
        owners
    }
}

/// Refuses an `--out` that names an existing file where a directory to
/// write into is meant (`build`, and `diff --out`).
pub fn out_directory(out: &Path) -> Result<(), SettingsError> {
    if out.exists() && !out.is_dir() {
        return Err(SettingsError(format!(
            "--out {} is a file, not a directory; give the directory to write into (it is created if missing)",
            out.display()
        )));
    }
    Ok(())
}

/// The clash of `input`, when another input would write one of its targets.
fn clash(input: &Path, targets: &[(Format, PathBuf)], owners: &HashMap<&Path, Vec<&Path>>) -> Option<Failure> {
    targets.iter().find_map(|(_, path)| {
        let inputs = owners.get(path.as_path()).filter(|inputs| inputs.len() > 1)?;
        Some(Failure::Clash {
            path: path.clone(),
            inputs: inputs.iter().map(|i| i.to_path_buf()).collect(),
            first: inputs.first() == Some(&input),
        })
    })
}

/// The inputs without repeats: the same file named twice (`a.toml ./a.toml`)
/// is built once.
fn dedup(files: &[PathBuf]) -> Vec<PathBuf> {
    let mut seen = HashSet::new();
    files
        .iter()
        .filter(|f| {
            let key = if f.as_os_str() == "-" {
                f.to_path_buf()
            } else {
                f.canonicalize().unwrap_or_else(|_| f.to_path_buf())
            };
            seen.insert(key)
        })
        .cloned()
        .collect()
}

/// `OUT/stem.ext` for the full profile, `OUT/stem.PROFILE.ext` for the others.
fn target(out: &Path, input: &Path, profile: Profile, format: Format) -> PathBuf {
    let stem = input.file_stem().map_or_else(|| "strategy".into(), |s| s.to_string_lossy().into_owned());
    let name = match profile {
        Profile::Full => format!("{stem}.{}", format.extension()),
        other => format!("{stem}.{}.{}", other.as_str(), format.extension()),
    };
    if out == Path::new(".") { PathBuf::from(name) } else { out.join(name) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::ReportStyle;

    fn build(inputs: &[&str], formats: &[Format], out: &str) -> Build {
        Build {
            inputs: inputs.iter().map(PathBuf::from).collect(),
            formats: formats.to_vec(),
            profile: Profile::Summary,
            out: PathBuf::from(out),
            force: false,
            deny_warnings: false,
            style: ReportStyle::default(),
            check: crate::model::CheckOptions::default(),
            since: None,
        }
    }

    #[test]
    fn targets_are_named_after_input_profile_and_format() {
        let plan = build(&["a/ulm.toml"], &[Format::Html, Format::Md, Format::Html], "out").plan().expect("fits");
        let targets: Vec<&Path> = plan.inputs[0].1.iter().map(|(_, p)| p.as_path()).collect();
        assert_eq!(targets, [Path::new("out/ulm.summary.md"), Path::new("out/ulm.summary.html")]);
    }

    #[test]
    fn standard_input_takes_one_format_and_no_out() {
        let e = build(&["-"], &[Format::Md, Format::Docx], ".").plan().expect_err("two formats");
        assert!(e.0.starts_with("`-` reads one file"), "{e}");
        let e = build(&["-"], &[Format::Md], "x").plan().expect_err("an --out");
        assert!(e.0.contains("--out x has nothing to do"), "{e}");
        assert!(build(&["-"], &[Format::Md], ".").plan().expect("fits").to_stdout);
    }

    #[test]
    fn out_dash_writes_one_format_of_one_file_to_standard_output() {
        let plan = build(&["a/ulm.toml"], &[Format::Html], "-").plan().expect("fits");
        assert!(plan.to_stdout && plan.inputs[0].1.is_empty(), "no files are planned");
        let e = build(&["a.toml", "b.toml"], &[Format::Md], "-").plan().expect_err("two inputs");
        assert!(e.0.starts_with("`--out -` writes one format of one file"), "{e}");
        assert!(build(&["-"], &[Format::Md], "-").plan().is_ok(), "`build - -o -` is standard output too");
    }

    #[test]
    fn inputs_writing_the_same_file_clash_and_only_the_first_reports_it() {
        let plan = build(&["a/x.toml", "b/x.toml", "c/y.toml"], &[Format::Md], "out").plan().expect("fits");
        let owners = plan.owners();
        let first = clash(&plan.inputs[0].0, &plan.inputs[0].1, &owners);
        let second = clash(&plan.inputs[1].0, &plan.inputs[1].1, &owners);
        assert!(matches!(first, Some(Failure::Clash { first: true, ref inputs, .. }) if inputs.len() == 2));
        assert!(matches!(second, Some(Failure::Clash { first: false, .. })));
        assert!(clash(&plan.inputs[2].0, &plan.inputs[2].1, &owners).is_none());
    }
}
