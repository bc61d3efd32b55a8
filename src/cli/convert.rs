//! `convert`: a profile from one format to another (Docker/OCI JSON, an OCI runtime
//! configuration, a Security Profiles Operator manifest, systemd unit settings).

use super::target::TargetArgs;
use anyhow::{anyhow, bail, Context};
use clap::ValueEnum;
use seccompose::catalog::Catalog;
use seccompose::msg;
use seccompose::profile::formats::{self, Container, Format};
use seccompose::profile::{self, Profile, Severity};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status when the input cannot be read or the options make no sense.
const TROUBLE: u8 = 2;

/// A format on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Docker/OCI/podman seccomp profile (JSON).
    Docker,
    /// OCI: the `linux.seccomp` object (read: a whole runtime `config.json`).
    Oci,
    /// Kubernetes Security Profiles Operator `SeccompProfile` manifest (YAML).
    Spo,
    /// systemd unit settings (SystemCallFilter=, ...); output only.
    Systemd,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Docker => Format::Docker,
            FormatArg::Oci => Format::Oci,
            FormatArg::Spo => Format::Spo,
            FormatArg::Systemd => Format::Systemd,
        }
    }
}

/// What `convert` was asked to do.
#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// The profile: Docker/OCI JSON, an OCI runtime config.json, or an SPO manifest.
    pub file: PathBuf,
    /// The format to write.
    #[arg(long, value_enum)]
    pub to: FormatArg,
    /// The input's format, when the guess from its name and content is wrong.
    #[arg(long, value_enum)]
    pub from: Option<FormatArg>,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// With --to oci: write a copy of this runtime config.json with the profile as its
    /// linux.seccomp, every other byte unchanged.
    #[arg(long, value_name = "CONFIG.json")]
    pub patch: Option<PathBuf>,
    /// The manifest's metadata.name: picks the profile out of a manifest file, and names the
    /// manifest written (default: the input's name, or the file's name).
    #[arg(long)]
    pub name: Option<String>,
    /// With --to spo: the manifest's metadata.namespace.
    #[arg(long)]
    pub namespace: Option<String>,
    /// Exit 0 even when the output format cannot express all of the profile (what it cannot
    /// express is listed either way).
    #[arg(long)]
    pub lossy: bool,
    /// The machine Docker-only parts (includes/excludes, archMap) are decided for.
    #[command(flatten)]
    pub target: TargetArgs,
}

/// Reads the input; diagnostics to stderr.
fn read(args: &ConvertArgs) -> anyhow::Result<(Profile, Container)> {
    let path = &args.file;
    let label = path.display().to_string();
    let opened = profile::open(
        path,
        args.from.map(Format::from),
        args.name.as_deref(),
        &Catalog,
    )
    .with_context(|| msg!("cli-cannot-read", file = label.as_str()))?;
    let imported = opened.imported;
    for d in &imported.parsed.diagnostics {
        if d.severity == Severity::Error {
            eprintln!("{}", d.render(&label));
        }
    }
    let Some(profile) = imported.parsed.profile else {
        bail!(msg!("cli-convert-errors", file = label));
    };
    if args.name.is_none() && !imported.others.is_empty() {
        let Container::Spo { name } = &imported.container else {
            unreachable!("only manifests hold several profiles")
        };
        let names = format!("{name}, {}", imported.others.join(", "));
        bail!(msg!("cli-convert-several", file = label, names = names));
    }
    Ok((profile, imported.container))
}

/// `seccompose convert`: 0 done, 1 written but the format could not express everything
/// (unless --lossy), 2 nothing written.
pub fn convert(args: &ConvertArgs) -> anyhow::Result<ExitCode> {
    match run(args) {
        Ok(lossy) => Ok(ExitCode::from(u8::from(lossy && !args.lossy))),
        Err(e) => {
            eprintln!("seccompose: {}", super::error_line(&e));
            Ok(ExitCode::from(TROUBLE))
        }
    }
}

fn run(args: &ConvertArgs) -> anyhow::Result<bool> {
    if args.patch.is_some() && args.to != FormatArg::Oci {
        bail!(msg!("cli-convert-patch"));
    }
    if args.namespace.is_some() && args.to != FormatArg::Spo {
        bail!(msg!("cli-convert-namespace"));
    }
    let targets = args.target.targets()?;
    let [target] = targets.as_slice() else {
        bail!(msg!("cli-convert-one-arch"));
    };
    let (profile, container) = read(args)?;
    let note = |n: &seccompose::i18n::Text| {
        eprintln!("seccompose: {}", msg!("cli-note", note = n.local()));
    };
    let mut lossy = Vec::new();
    let text = match args.to {
        FormatArg::Docker => profile::to_canonical_string(&profile),
        FormatArg::Oci => {
            let resolved = formats::resolve(&profile, target);
            resolved.notes.iter().for_each(note);
            match &args.patch {
                None => profile::to_canonical_string(&resolved.profile),
                Some(config) => {
                    let text = std::fs::read_to_string(config).with_context(|| {
                        msg!("cli-cannot-read", file = config.display().to_string())
                    })?;
                    formats::patch_config(&text, &profile::to_value(&resolved.profile))
                        .map_err(|e| anyhow!("{}: {e}", config.display()))?
                }
            }
        }
        FormatArg::Spo => {
            let resolved = formats::resolve(&profile, target);
            resolved.notes.iter().for_each(note);
            let name = match (&args.name, &container) {
                (Some(n), _) => n.clone(),
                (None, Container::Spo { name }) if !name.is_empty() => name.clone(),
                _ => formats::name_from_file(&args.file),
            };
            if !formats::valid_name(&name) {
                bail!(msg!("cli-convert-bad-name", name = name));
            }
            lossy = formats::spec_limits(&resolved.profile);
            formats::manifest(&resolved.profile, &name, args.namespace.as_deref())
        }
        FormatArg::Systemd => {
            let label = args.file.display().to_string();
            let unit = formats::systemd_unit(&profile, target, &Catalog, &label);
            lossy = unit.lossy;
            unit.text
        }
    };
    let format = Format::from(args.to).name();
    for l in &lossy {
        let cannot = msg!("cli-convert-cannot", format = format, what = l.local());
        eprintln!("seccompose: {cannot}");
    }
    match &args.output {
        Some(out) => profile::write_atomic(out, &text, false)
            .with_context(|| msg!("cli-writing", file = out.display().to_string()))?,
        None => print!("{text}"),
    }
    if !lossy.is_empty() && !args.lossy {
        let left_out = msg!("cli-convert-lossy", format = format, n = lossy.len());
        eprintln!("seccompose: {left_out}");
    }
    Ok(!lossy.is_empty())
}
