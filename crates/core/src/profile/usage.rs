//! How to apply a profile where it is used: the exact lines for Docker and podman, Kubernetes
//! (a Localhost profile on the nodes, or the Security Profiles Operator's manifest), a systemd
//! unit and bubblewrap with the compiled BPF. `seccompose usage` prints them and the editor's
//! usage panel shows them; both only lay out what is computed here.

use super::formats::{self, Format, Sets};
use super::model::Profile;
use super::target::Target;
use crate::i18n::Text;
use crate::text;
use std::path::{Path, PathBuf};

/// Where the kubelet looks for `Localhost` profiles (its `--seccomp-profile-root`'s default).
pub const KUBELET_SECCOMP_ROOT: &str = "/var/lib/kubelet/seccomp";

/// Stands for the file of a profile that has none yet.
pub const UNSAVED: &str = "PROFILE.json";

/// The namespace the lines use for the operator's manifest.
pub const NAMESPACE: &str = "default";

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Shell commands, one per line (bash: the bwrap line opens descriptor 10).
    Shell,
    /// A YAML document.
    Yaml,
    /// systemd unit settings.
    Unit,
}

/// Text to copy as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What it is.
    pub kind: Kind,
    /// The text, ending in a newline.
    pub text: String,
    /// The profile's own content written out in another format (the operator's manifest,
    /// systemd's settings): a command of the section writes it, so a short listing leaves it out.
    pub inlined: bool,
}

/// One way to apply the profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// `docker`, `kubernetes`, `spo`, `systemd`, `bwrap`, `observe`.
    pub id: &'static str,
    /// Its heading.
    pub title: Text,
    /// The lines, in the order they are run or written.
    pub blocks: Vec<Block>,
    /// What to know: what the format cannot express, where a line must run.
    pub notes: Vec<Text>,
}

/// The profile's file as the lines name it: absolute, quoted for a shell where needed.
fn quoted(path: &Path) -> String {
    let text = path.display().to_string();
    shlex::try_quote(&text).map_or(text.clone(), |q| q.into_owned())
}

/// `path` with another extension (`p.json` → `p.bpf`).
fn beside(path: &Path, extension: &str) -> PathBuf {
    path.with_extension(extension)
}

fn shell(lines: &[String]) -> Block {
    Block {
        kind: Kind::Shell,
        text: lines.iter().map(|l| format!("{l}\n")).collect(),
        inlined: false,
    }
}

/// A Pod that runs IMAGE under the `Localhost` profile `localhost` (relative to the kubelet's
/// seccomp root).
pub fn pod_yaml(name: &str, localhost: &str) -> String {
    format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\nspec:\n  securityContext:\n    \
         seccompProfile:\n      type: Localhost\n      localhostProfile: {localhost}\n  \
         containers:\n    - name: {name}\n      image: IMAGE\n"
    )
}

/// Every way to apply `profile`, read from `file` (absolute; None: not saved yet) in
/// `format`, on `target`.
pub fn usage(
    profile: &Profile,
    target: &Target,
    file: Option<&Path>,
    format: Format,
    sets: &dyn Sets,
) -> Vec<Section> {
    let file = file.map_or_else(|| PathBuf::from(UNSAVED), Path::to_path_buf);
    // Docker, podman and the kubelet read the plain JSON profile: another format is
    // converted first, next to the file.
    let (json, convert) = if format == Format::Docker {
        (file.clone(), Vec::new())
    } else {
        let out = beside(&file, "docker.json");
        let line = format!(
            "seccompose convert {} --to docker -o {}",
            quoted(&file),
            quoted(&out)
        );
        (out, vec![line])
    };
    let name = formats::name_from_file(&file);
    vec![
        docker(&json, &convert),
        kubernetes(&json, &convert, &name),
        spo(profile, target, &file, &name),
        systemd(profile, target, &file, sets),
        bwrap(&file, target),
        observe(&file),
    ]
}

fn docker(json: &Path, convert: &[String]) -> Section {
    let opt = format!("--security-opt seccomp={}", quoted(json));
    let mut lines = convert.to_vec();
    lines.push(format!("docker run --rm -it {opt} IMAGE COMMAND"));
    lines.push(format!("podman run --rm -it {opt} IMAGE COMMAND"));
    Section {
        id: "docker",
        title: text!("cli-usage-docker"),
        blocks: vec![shell(&lines)],
        notes: vec![text!("cli-usage-docker-note")],
    }
}

/// The draft observed under Docker or podman: `seccompose agent` serves a socket and writes the
/// rewrite that names it as `listenerPath`; the engine hands that on to its runtime.
fn observe(file: &Path) -> Section {
    let observed = quoted(&beside(file, "observed.json"));
    let socket = quoted(&beside(file, "agent.sock"));
    let agent = |runtime: &str| {
        format!(
            "seccompose agent {}{runtime} --socket {socket} -o {observed} &",
            quoted(file)
        )
    };
    // The comments are for people, in their language; the commands stay.
    let lines = [
        format!("# {}", text!("cli-usage-observe-docker").local()),
        agent(""),
        format!("docker run --rm -it --security-opt seccomp={observed} IMAGE COMMAND"),
        format!("# {}", text!("cli-usage-observe-podman").local()),
        agent(" --runtime crun"),
        format!("podman run --rm -it --security-opt seccomp={observed} IMAGE COMMAND"),
    ];
    Section {
        id: "observe",
        title: text!("cli-usage-observe"),
        blocks: vec![shell(&lines)],
        notes: vec![
            text!("cli-usage-observe-note-agent"),
            text!("cli-usage-observe-note-engines"),
        ],
    }
}

fn kubernetes(json: &Path, convert: &[String], name: &str) -> Section {
    let root = Path::new(KUBELET_SECCOMP_ROOT);
    let mut lines = convert.to_vec();
    let localhost = match json.strip_prefix(root) {
        Ok(relative) => relative.display().to_string(),
        Err(_) => {
            let relative = format!("profiles/{name}.json");
            lines.push(format!(
                "install -D -m 0644 {} {}",
                quoted(json),
                quoted(&root.join(&relative))
            ));
            relative
        }
    };
    let mut blocks = Vec::new();
    if !lines.is_empty() {
        blocks.push(shell(&lines));
    }
    blocks.push(Block {
        kind: Kind::Yaml,
        text: pod_yaml(name, &localhost),
        inlined: false,
    });
    Section {
        id: "kubernetes",
        title: text!("cli-usage-kubernetes"),
        blocks,
        notes: vec![text!(
            "cli-usage-kubernetes-note",
            root = KUBELET_SECCOMP_ROOT
        )],
    }
}

fn spo(profile: &Profile, target: &Target, file: &Path, name: &str) -> Section {
    let resolved = formats::resolve(profile, target);
    let manifest_file = format!("{name}.yaml");
    let lines = vec![
        format!(
            "seccompose convert {} --to spo --name {name} --namespace {NAMESPACE} -o {manifest_file}",
            quoted(file)
        ),
        format!("kubectl apply -f {manifest_file}"),
    ];
    let mut notes: Vec<Text> = formats::spec_limits(&resolved.profile)
        .into_iter()
        .map(|l| text!("cli-usage-spo-cannot", what = l))
        .collect();
    notes.push(text!(
        "cli-usage-spo-note",
        command = format!(
            "kubectl get seccompprofile {name} -n {NAMESPACE} -o \
             jsonpath='{{.status.localhostProfile}}'"
        ),
        path = format!("operator/{NAMESPACE}/{name}.json")
    ));
    Section {
        id: "spo",
        title: text!("cli-usage-spo"),
        blocks: vec![
            shell(&lines),
            // The manifest and a pod using it, as one file of two documents.
            Block {
                kind: Kind::Yaml,
                text: format!(
                    "{}---\n{}",
                    formats::manifest(&resolved.profile, name, Some(NAMESPACE)),
                    pod_yaml(name, &format!("operator/{NAMESPACE}/{name}.json"))
                ),
                inlined: true,
            },
        ],
        notes,
    }
}

fn systemd(profile: &Profile, target: &Target, file: &Path, sets: &dyn Sets) -> Section {
    let label = file.display().to_string();
    let unit = formats::systemd_unit(profile, target, sets, &label);
    let mut notes = vec![text!("cli-usage-systemd-note")];
    if !unit.lossy.is_empty() {
        notes.push(text!("cli-usage-systemd-lossy", n = unit.lossy.len()));
    }
    Section {
        id: "systemd",
        title: text!("cli-usage-systemd"),
        blocks: vec![
            shell(&[format!(
                "seccompose convert {} --to systemd --lossy -o seccomp.conf",
                quoted(file)
            )]),
            Block {
                kind: Kind::Unit,
                text: unit.text,
                inlined: true,
            },
        ],
        notes,
    }
}

fn bwrap(file: &Path, target: &Target) -> Section {
    let bpf = beside(file, "bpf");
    let lines = vec![
        format!(
            "seccompose compile {} --format bpf -o {}",
            quoted(file),
            quoted(&bpf)
        ),
        format!(
            "bwrap --ro-bind / / --dev /dev --proc /proc --seccomp 10 10<{} COMMAND",
            quoted(&bpf)
        ),
    ];
    Section {
        id: "bwrap",
        title: text!("cli-usage-bwrap"),
        blocks: vec![shell(&lines)],
        notes: vec![
            text!("cli-usage-bwrap-arch", arch = target.arch.to_string()),
            text!("cli-usage-bwrap-shell"),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::profile::Action;

    #[test]
    fn lines_name_the_file_and_what_is_derived_from_it() {
        let p = Profile::new(Action::Allow);
        let t = Target::host();
        let file = Path::new("/home/ana/my profile.json");
        let s = usage(&p, &t, Some(file), Format::Docker, &Catalog);
        let ids: Vec<&str> = s.iter().map(|s| s.id).collect();
        assert_eq!(
            ids,
            ["docker", "kubernetes", "spo", "systemd", "bwrap", "observe"]
        );
        let docker = &s[0].blocks[0].text;
        assert!(docker.contains(
            "docker run --rm -it --security-opt seccomp='/home/ana/my profile.json' IMAGE COMMAND"
        ));
        assert!(docker.contains("podman run"));
        let kube: String = s[1].blocks.iter().map(|b| b.text.clone()).collect();
        assert!(
            kube.contains("/var/lib/kubelet/seccomp/profiles/my-profile.json"),
            "{kube}"
        );
        assert!(
            kube.contains("localhostProfile: profiles/my-profile.json"),
            "{kube}"
        );
        assert!(s[4].blocks[0]
            .text
            .contains("10<'/home/ana/my profile.bpf'"));
        let observe = &s[5].blocks[0].text;
        assert!(
            observe.contains(
                "seccompose agent '/home/ana/my profile.json' --socket \
                 '/home/ana/my profile.agent.sock' -o '/home/ana/my profile.observed.json' &\n"
            ),
            "{observe}"
        );
        assert!(
            observe.contains("--security-opt seccomp='/home/ana/my profile.observed.json'"),
            "{observe}"
        );
    }

    #[test]
    fn a_file_under_the_kubelet_root_is_named_relative_to_it_and_other_formats_convert_first() {
        let p = Profile::new(Action::Allow);
        let file = Path::new("/var/lib/kubelet/seccomp/team/app.yaml");
        let s = usage(&p, &Target::host(), Some(file), Format::Spo, &Catalog);
        let docker = &s[0].blocks[0].text;
        assert!(docker.starts_with(
            "seccompose convert /var/lib/kubelet/seccomp/team/app.yaml --to docker -o /var/lib/kubelet/seccomp/team/app.docker.json\n"
        ));
        let kube: String = s[1].blocks.iter().map(|b| b.text.clone()).collect();
        assert!(
            kube.contains("localhostProfile: team/app.docker.json"),
            "{kube}"
        );
        assert!(!kube.contains("install -D"), "{kube}");
    }

    #[test]
    fn an_unsaved_profile_has_a_placeholder() {
        let p = Profile::new(Action::Allow);
        let s = usage(&p, &Target::host(), None, Format::Docker, &Catalog);
        assert!(s[0].blocks[0].text.contains("seccomp=PROFILE.json"));
    }
}
