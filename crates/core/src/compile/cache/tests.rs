use super::*;
use crate::catalog::Catalog;
use crate::profile::{parse, KernelVersion};
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

/// Changes the stored copy in a way that still reads, with a fresh sum for `key`: a later hit
/// returns it.
fn mark(entry: &Path, key: &str) {
    let mut v: Value = serde_json::from_slice(&std::fs::read(entry).unwrap()).unwrap();
    v["compiled"]["tree"] = json!(!v["compiled"]["tree"].as_bool().unwrap());
    v["sum"] = json!(name_of(&format!("{key}{}", v["compiled"])));
    std::fs::write(entry, v.to_string()).unwrap();
}

#[test]
fn an_entry_round_trips_and_is_used_only_for_its_own_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(dir.path().join("c"));
    let (p, t, o) = (profile(), Target::host(), Options::default());
    let direct = build(&p, &t, &o).unwrap();
    assert_eq!(cache.build(&p, &t, &o).unwrap(), direct);
    let entry = the_entry(cache.dir());
    let stored: Value = serde_json::from_slice(&std::fs::read(&entry).unwrap()).unwrap();
    assert_eq!(decode(&stored["compiled"]).as_ref(), Some(&direct));
    let mode = std::fs::metadata(cache.dir()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
    assert_eq!(
        std::fs::metadata(&entry).unwrap().permissions().mode() & 0o777,
        0o600
    );

    mark(&entry, &key_of(&p, &t, &o));
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
        .join(format!("{}.{ENTRY}", name_of(&key_of(&p, &older, &o))));
    mark(&older_entry, &key_of(&p, &older, &o));
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
    mark(&entry, &key_of(&p, &t, &o));
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

#[test]
fn a_damaged_entry_is_ignored_and_rewritten() {
    let Filled {
        dir: _dir,
        cache,
        p,
        t,
        o,
        direct,
        entry,
    } = filled();
    let good = std::fs::read_to_string(&entry).unwrap();
    let damaged = [
        good[..good.len() / 2].to_string(),
        String::new(),
        // One instruction's bytes changed: still JSON, still hex, still a program.
        good.replacen("0600000000000000", "0600000000ff7f00", 1),
        // The sum of another entry.
        good.replacen("\"sum\":\"", "\"sum\":\"0", 1),
    ];
    for (i, text) in damaged.iter().enumerate() {
        assert_ne!(text, &good, "damage {i} changed nothing");
        std::fs::write(&entry, text).unwrap();
        assert_eq!(cache.build(&p, &t, &o).unwrap(), direct, "damage {i}");
        assert_eq!(
            std::fs::read_to_string(&entry).unwrap(),
            good,
            "rewritten after {i}"
        );
    }
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
    mark(&entry, &key_of(&p, &t, &o));
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
    mark(&entry, &key_of(&p, &t, &o));
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
