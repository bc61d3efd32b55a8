use super::*;
use crate::catalog::Catalog;
use crate::profile::{parse, Arch, Filter, KernelVersion, Names, Rule};
use serde_json::{json, Value};
use std::os::unix::fs::PermissionsExt;

/// A profile with a warning (an errnoRet that does nothing on ALLOW), so entries carry one.
const TEXT: &str = r#"{"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86"],
  "syscalls": [{"names": ["read", "write", "exit_group"], "action": "SCMP_ACT_ALLOW"},
               {"names": ["mkdir"], "action": "SCMP_ACT_ERRNO", "errnoRet": 13},
               {"names": ["socket"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 10, "op": "SCMP_CMP_EQ"}]},
               {"names": ["futex_requeue"], "action": "SCMP_ACT_ALLOW"}]}"#;

fn profile() -> Profile {
    parse(TEXT, &Catalog).profile.unwrap()
}

fn the_entry(dir: &Path) -> PathBuf {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    entries.remove(0)
}

fn key(p: &Profile, t: &Target, o: &Options) -> Key {
    Key::new(&key_of(p, t, o))
}

/// An entry's body: its details (JSON) and its program.
fn parts(entry: &[u8], key: &Key) -> (Value, Vec<u8>) {
    let body = key.body(entry).expect("a sound entry");
    let end = body.iter().position(|&b| b == b'\n').unwrap();
    (
        serde_json::from_slice(&body[..end]).unwrap(),
        body[end + 1..].to_vec(),
    )
}

/// Changes the stored copy in a way that still reads, with a fresh sum for `key`: a later hit
/// returns it.
fn mark(entry: &Path, key: &Key) {
    let (mut details, bpf) = parts(&std::fs::read(entry).unwrap(), key);
    details["tree"] = json!(!details["tree"].as_bool().unwrap());
    let mut body = details.to_string().into_bytes();
    body.push(b'\n');
    body.extend_from_slice(&bpf);
    std::fs::write(entry, key.seal_body(&body)).unwrap();
}

#[test]
fn an_entry_round_trips_and_is_used_only_for_its_own_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(dir.path().join("c"));
    let (p, t, o) = (profile(), Target::host(), Options::default());
    let direct = build(&p, &t, &o).unwrap();
    assert_eq!(cache.build(&p, &t, &o).unwrap(), direct);
    let entry = the_entry(cache.dir());
    let stored = std::fs::read(&entry).unwrap();
    assert_eq!(key(&p, &t, &o).open(&stored).as_ref(), Some(&direct));
    assert_eq!(
        parts(&stored, &key(&p, &t, &o)).1,
        direct.bpf,
        "the program as it is"
    );
    let mode = std::fs::metadata(cache.dir()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
    assert_eq!(
        std::fs::metadata(&entry).unwrap().permissions().mode() & 0o777,
        0o600
    );

    mark(&entry, &key(&p, &t, &o));
    assert_eq!(cache.build(&p, &t, &o).unwrap().tree, !direct.tree, "a hit");
    // Another target, other options, another profile: misses, each with its own entry.
    let mut older = t.clone();
    older.kernel = KernelVersion::parse("4.14").unwrap();
    assert_eq!(
        cache.build(&p, &older, &o).unwrap(),
        build(&p, &older, &o).unwrap()
    );
    let observed = Options {
        observe: true,
        ..Options::default()
    };
    assert_eq!(
        cache.build(&p, &t, &observed).unwrap(),
        build(&p, &t, &observed).unwrap()
    );
    let moved = parse(&format!("\n{TEXT}"), &Catalog).profile.unwrap();
    assert_eq!(
        cache.build(&moved, &t, &o).unwrap(),
        build(&moved, &t, &o).unwrap()
    );
    assert_eq!(cache.usage().entries, 4);
    // A sound entry of other inputs, under this one's name: its key differs, so it is a miss.
    let older_entry = cache
        .dir()
        .join(format!("{}.{ENTRY}", key(&p, &older, &o).name()));
    mark(&older_entry, &key(&p, &older, &o));
    std::fs::copy(&older_entry, &entry).unwrap();
    assert_eq!(cache.build(&p, &t, &o).unwrap(), direct);
}

/// The warnings are stored as texts (id and arguments): a hit has a fresh build's, in the
/// language of whoever reads them.
#[test]
fn a_hit_has_the_warnings_of_a_fresh_build() {
    let text = r#"{"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 65537,
      "syscalls": [{"names": ["mkdir"], "action": "SCMP_ACT_ERRNO", "errnoRet": 65539},
                   {"names": ["read"], "action": "SCMP_ACT_ALLOW"}]}"#;
    let p = parse(text, &Catalog).profile.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(dir.path().join("c"));
    let (t, o) = (Target::host(), Options::default());
    let direct = build(&p, &t, &o).unwrap();
    assert_eq!(direct.warnings.len(), 2, "{:?}", direct.warnings);
    assert_eq!(cache.build(&p, &t, &o).unwrap(), direct);
    let entry = the_entry(cache.dir());
    mark(&entry, &key(&p, &t, &o));
    let hit = cache.build(&p, &t, &o).unwrap();
    assert_eq!(hit.tree, !direct.tree, "a hit");
    assert_eq!(hit.warnings, direct.warnings);
    let english = hit.warnings[0].message.english();
    assert!(
        english.contains("syscalls[0].errnoRet is 65539"),
        "{english}"
    );
    let portuguese = hit.warnings[0]
        .message
        .in_language(crate::lang::Language::PtBr);
    assert!(portuguese.contains("vira 3"), "{portuguese}");
}

/// A cache in a fresh folder holding the entry of [`profile`] on this machine.
struct Filled {
    dir: tempfile::TempDir,
    cache: Cache,
    p: Profile,
    t: Target,
    o: Options,
    direct: Compiled,
    entry: PathBuf,
}

fn filled() -> Filled {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(dir.path());
    let (p, t, o) = (profile(), Target::host(), Options::default());
    let direct = build(&p, &t, &o).unwrap();
    cache.build(&p, &t, &o).unwrap();
    let entry = the_entry(dir.path());
    Filled {
        dir,
        cache,
        p,
        t,
        o,
        direct,
        entry,
    }
}

/// A damaged entry, or one an older seccompose wrote (one JSON object, the program in hex) or
/// of another format version, under this name: a miss, rewritten, never an error.
#[test]
fn a_damaged_or_older_entry_is_ignored_and_rewritten() {
    let Filled {
        dir: _dir,
        cache,
        p,
        t,
        o,
        direct,
        entry,
    } = filled();
    let good = std::fs::read(&entry).unwrap();
    let header = good.iter().position(|&b| b == b'\n').unwrap() + 1;
    let program = header + good[header..].iter().position(|&b| b == b'\n').unwrap() + 1;
    // One instruction changed from returning KILL_THREAD to ALLOW: still a program the
    // validator takes, so only the sum tells.
    let kill = good[program..]
        .chunks_exact(8)
        .position(|r| r == [6, 0, 0, 0, 0, 0, 0, 0])
        .expect("a RET KILL_THREAD in the program");
    let mut allows = good.clone();
    allows[program + kill * 8..][..8].copy_from_slice(&[6, 0, 0, 0, 0, 0, 0xff, 0x7f]);
    let details = String::from_utf8(good[header..program].to_vec()).unwrap();
    let other_tree = details
        .replace("\"tree\":false", "\"tree\":?")
        .replace("\"tree\":true", "\"tree\":false")
        .replace("\"tree\":?", "\"tree\":true");
    let with_details = |text: &str| [&good[..header], text.as_bytes(), &good[program..]].concat();
    let mut flipped_sum = good.clone();
    flipped_sum[header - 2] ^= 1;
    let (mut details, bpf) = parts(&good, &key(&p, &t, &o));
    details["bpf"] = json!(bpf.iter().map(|b| format!("{b:02x}")).collect::<String>());
    let old = json!({"sum": "0123456789abcdef0123456789abcdef", "compiled": details});
    assert!(good.starts_with(b"seccompose-filter 2 "));
    let damaged = [
        good[..good.len() / 2].to_vec(),
        good[..good.len() - 1].to_vec(),
        Vec::new(),
        allows,
        // The details changed, still JSON.
        with_details(&other_tree),
        // The sum of another entry.
        flipped_sum,
        // The program cut at an instruction: still a program.
        good[..good.len() - 8].to_vec(),
        old.to_string().into_bytes(),
        [b"seccompose-filter 1".as_slice(), &good[19..]].concat(),
    ];
    for (i, bytes) in damaged.iter().enumerate() {
        assert_ne!(bytes, &good, "damage {i} changed nothing");
        std::fs::write(&entry, bytes).unwrap();
        assert_eq!(cache.build(&p, &t, &o).unwrap(), direct, "damage {i}");
        assert_eq!(std::fs::read(&entry).unwrap(), good, "rewritten after {i}");
    }
}

fn rule(p: &mut Profile, i: usize) -> &mut Rule {
    &mut p.syscalls.as_mut().unwrap()[i]
}

/// The key changes with every part of the profile that the compiler or its warnings could
/// read, and with the positions.
#[test]
fn the_key_takes_in_every_part_of_the_profile() {
    let (t, o) = (Target::host(), Options::default());
    let base = profile();
    let mut changed: Vec<(&str, Profile)> = Vec::new();
    let mut change = |what, f: &dyn Fn(&mut Profile)| {
        let mut p = base.clone();
        f(&mut p);
        changed.push((what, p));
    };
    change("default errno", &|p| p.default_errno_ret = Some(38));
    change("flags", &|p| {
        p.flags = Some(vec!["SECCOMP_FILTER_FLAG_LOG".into()])
    });
    change("architectures", &|p| {
        p.architectures = Some(vec![Arch::X86_64])
    });
    change("a name", &|p| {
        rule(p, 0).names = Some(Names::List(vec!["read".into()]))
    });
    change("spelling of the names", &|p| {
        rule(p, 3).names = Some(Names::Single("futex_requeue".into()))
    });
    change("errnoRet", &|p| rule(p, 1).errno_ret = Some(14));
    change("comment", &|p| rule(p, 1).comment = Some("why".into()));
    change("an argument", &|p| {
        rule(p, 2).args.as_mut().unwrap()[0].value = 2
    });
    change("includes", &|p| {
        rule(p, 3).includes = Some(Box::new(Filter {
            min_kernel: Some("6.1".into()),
            ..Filter::default()
        }))
    });
    change("a rule's position", &|p| {
        rule(p, 2).pos.as_mut().unwrap().col += 1
    });
    change("an unknown field", &|p| {
        p.extras.fields.push((None, "x".into(), json!(1)));
    });
    change("an unknown field's value", &|p| {
        p.extras.fields.push((None, "x".into(), json!(2)));
    });
    let mut keys = vec![("the profile", key_of(&base, &t, &o))];
    keys.extend(changed.iter().map(|(what, p)| (*what, key_of(p, &t, &o))));
    for (i, (what, k)) in keys.iter().enumerate() {
        for (other, earlier) in &keys[..i] {
            assert_ne!(k, earlier, "{what} and {other}");
        }
    }
    assert_eq!(key_of(&base.clone(), &t, &o), keys[0].1, "the same profile");
}

#[test]
fn a_folder_or_entry_others_may_write_is_not_trusted_and_a_read_only_one_only_costs_speed() {
    let Filled {
        dir,
        cache,
        p,
        t,
        o,
        direct,
        entry,
    } = filled();
    mark(&entry, &key(&p, &t, &o));
    let set = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    set(dir.path(), 0o777);
    assert_eq!(
        cache.build(&p, &t, &o).unwrap(),
        direct,
        "folder open to others"
    );
    set(dir.path(), 0o700);
    mark(&entry, &key(&p, &t, &o));
    set(&entry, 0o666);
    assert_eq!(
        cache.build(&p, &t, &o).unwrap(),
        direct,
        "entry open to others"
    );
    // A folder the user cannot write: compiled every time, no error.
    let locked = tempfile::tempdir().unwrap();
    set(locked.path(), 0o500);
    let cache = Cache::at(locked.path().join("c"));
    assert_eq!(cache.build(&p, &t, &o).unwrap(), direct);
    set(locked.path(), 0o700);
}

#[test]
fn the_folder_keeps_within_its_limit_dropping_the_least_recently_used() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(dir.path());
    let (p, o) = (profile(), Options::default());
    let mut t = Target::host();
    cache.build(&p, &t, &o).unwrap();
    let size = cache.usage().bytes;
    let cache = cache.with_limit(size * 5 / 2);
    let first = the_entry(dir.path());
    for minor in 1..4 {
        std::thread::sleep(std::time::Duration::from_millis(20));
        t.kernel = KernelVersion::parse(&format!("5.{minor}")).unwrap();
        cache.build(&p, &t, &o).unwrap();
    }
    assert!(cache.usage().bytes <= size * 5 / 2, "{:?}", cache.usage());
    assert_eq!(cache.usage().entries, 2);
    assert!(!first.exists(), "the oldest went first");
    // What writes cut short left: gone after a minute, kept while another run may be writing.
    let (old, fresh) = (dir.path().join("a.1-2.tmp"), dir.path().join("b.1-2.tmp"));
    for f in [&old, &fresh] {
        std::fs::write(f, "half an entry").unwrap();
    }
    let minutes_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(120);
    let file = std::fs::File::options().append(true).open(&old).unwrap();
    file.set_modified(minutes_ago).unwrap();
    t.kernel = KernelVersion::parse("6.1").unwrap();
    cache.build(&p, &t, &o).unwrap();
    assert!(!old.exists() && fresh.exists());
}

/// A hit marks the entry used (its time, through the handle it was read with), so that
/// trimming keeps it over the ones not used since.
#[test]
fn a_hit_marks_the_entry_used() {
    let f = filled();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let file = std::fs::File::options()
        .append(true)
        .open(&f.entry)
        .unwrap();
    file.set_modified(hour_ago).unwrap();
    mark(&f.entry, &key(&f.p, &f.t, &f.o));
    file.set_modified(hour_ago).unwrap();
    assert_eq!(
        f.cache.build(&f.p, &f.t, &f.o).unwrap().tree,
        !f.direct.tree,
        "a hit"
    );
    let used = std::fs::metadata(&f.entry).unwrap().modified().unwrap();
    assert!(
        used > hour_ago + std::time::Duration::from_secs(3000),
        "{used:?}"
    );
}

/// At an entry's name, a link (even to a sound entry) or a pipe (which must not hold the run
/// up): a miss, and an entry takes its place.
#[test]
fn a_link_or_pipe_at_an_entry_s_name_is_a_miss() {
    let f = filled();
    let elsewhere = f.dir.path().join("elsewhere");
    mark(&f.entry, &key(&f.p, &f.t, &f.o));
    std::fs::rename(&f.entry, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &f.entry).unwrap();
    assert_eq!(f.cache.build(&f.p, &f.t, &f.o).unwrap(), f.direct, "a link");
    assert!(std::fs::symlink_metadata(&f.entry).unwrap().is_file());
    std::fs::remove_file(&f.entry).unwrap();
    nix::unistd::mkfifo(&f.entry, nix::sys::stat::Mode::from_bits_truncate(0o600)).unwrap();
    assert_eq!(f.cache.build(&f.p, &f.t, &f.o).unwrap(), f.direct, "a pipe");
    assert!(std::fs::symlink_metadata(&f.entry).unwrap().is_file());
}

/// An entry kept by a file's bytes answers only those bytes, that kind of file, that target
/// and those options; it is a key of its own, never found by the profile it holds.
#[test]
fn an_entry_kept_by_the_file_answers_only_the_same_file_target_and_options() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(dir.path().join("c"));
    let (p, t, o) = (profile(), Target::host(), Options::default());
    let compiled = build(&p, &t, &o).unwrap();
    let bytes = TEXT.as_bytes();
    assert_eq!(cache.by_file(bytes, Some("json"), &t, &o), None);
    cache.remember_file(bytes, Some("json"), &t, &o, &compiled);
    assert_eq!(
        cache.by_file(bytes, Some("json"), &t, &o),
        Some(compiled.clone())
    );
    assert_eq!(
        cache.by_file(bytes, Some("JSON"), &t, &o),
        Some(compiled),
        "the kind of file, not its spelling"
    );
    let mut other_bytes = bytes.to_vec();
    other_bytes[bytes.len() - 3] = b' ';
    let mut other_target = t.clone();
    other_target.kernel = KernelVersion {
        major: 4,
        minor: 9,
        patch: 0,
    };
    let misses = [
        cache.by_file(&other_bytes, Some("json"), &t, &o),
        cache.by_file(bytes, Some("yaml"), &t, &o),
        cache.by_file(bytes, None, &t, &o),
        cache.by_file(bytes, Some("json"), &other_target, &o),
        cache.by_file(
            bytes,
            Some("json"),
            &t,
            &Options {
                observe: !o.observe,
                ..o.clone()
            },
        ),
    ];
    assert!(misses.iter().all(Option::is_none), "{misses:?}");
    // The profile's own key is another entry: the one kept by the file is not it.
    assert_eq!(std::fs::read_dir(cache.dir()).unwrap().count(), 1);
    cache.build(&p, &t, &o).unwrap();
    assert_eq!(std::fs::read_dir(cache.dir()).unwrap().count(), 2);
}

/// The names an observed run watches, kept by a file's bytes: answered only for those bytes,
/// that kind of file and that target, apart from the filter kept by the same bytes, and a
/// damaged entry is a miss, not a list of other names.
#[test]
fn the_watched_names_kept_by_the_file_answer_only_the_same_file_and_target() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(dir.path().join("c"));
    let t = Target::host();
    let bytes = TEXT.as_bytes();
    assert_eq!(cache.watched_by_file(bytes, Some("json"), &t), None);
    cache.remember_watched(bytes, Some("json"), &t, &[]);
    assert_eq!(
        cache.watched_by_file(bytes, Some("json"), &t),
        Some(Vec::new()),
        "nothing watched is a hit"
    );
    cache.remember_watched(bytes, Some("json"), &t, &["fchmodat", "fchmodat2"]);
    let names = Some(vec!["fchmodat".to_string(), "fchmodat2".to_string()]);
    assert_eq!(cache.watched_by_file(bytes, Some("json"), &t), names);
    let mut other_target = t.clone();
    other_target.kernel = KernelVersion {
        major: 4,
        minor: 9,
        patch: 0,
    };
    assert_eq!(cache.watched_by_file(&bytes[1..], Some("json"), &t), None);
    assert_eq!(cache.watched_by_file(bytes, Some("yaml"), &t), None);
    assert_eq!(
        cache.watched_by_file(bytes, Some("json"), &other_target),
        None
    );
    let o = Options::default();
    assert_eq!(
        cache.by_file(bytes, Some("json"), &t, &o),
        None,
        "not a filter"
    );
    // One byte of a name changed ("fchmodat" to "fchmodas"): the sum no longer matches.
    let entry = std::fs::read_dir(cache.dir())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut text = std::fs::read(&entry).unwrap();
    let at = text.len() - "\nfchmodat2\n".len() - 1;
    assert_eq!(text[at], b't');
    text[at] = b's';
    std::fs::write(&entry, &text).unwrap();
    assert_eq!(cache.watched_by_file(bytes, Some("json"), &t), None);
}
