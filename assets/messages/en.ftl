# The editor's messages in English, the language every message is written in first.
# Each id is asked for by the code (msg!("id") in src/, or built from keys.toml); the test
# i18n::tests holds the files and the code to the same ids and the same arguments.

## The key help (`?`): one heading per table of assets/keys.toml, one line per command.

help-title = Keys (j/k scroll · esc close · keys.toml in the config folder overrides)

keys-global = Everywhere
keys-global-view_syscalls = Syscalls: categories, list and details
keys-global-view_bpf = BPF: the filter the kernel will run
keys-global-view_run = Run: try a command under the profile
keys-global-view_lint = Lint: findings about the profile
keys-global-view_settings = Profile: default action, architectures, flags, target
keys-global-focus_next = Focus the next pane
keys-global-focus_prev = Focus the previous pane
keys-global-search = Search every syscall by name, summary or group
keys-global-undo = Undo the last edit
keys-global-redo = Redo what was undone
keys-global-save = Save the profile (atomically)
keys-global-toggle_theme = Switch between the dark and the light theme
keys-global-help = Show this help
keys-global-usage = How to apply this profile: Docker, podman, Kubernetes, systemd, bubblewrap
keys-global-lessons = Lessons: learn seccomp step by step, checked as you go
keys-global-close_tour = Close the first-run tour (it follows the view you are in until then)
keys-global-starters = Start over from a starter profile (no-network, read-only-fs, strict, ...; u goes back)
keys-global-quit = Quit (asks first when there are unsaved changes)

keys-navigation = Moving around
keys-navigation-up = Move up
keys-navigation-down = Move down
keys-navigation-page_up = Move up a page
keys-navigation-page_down = Move down a page
keys-navigation-top = Go to the first item
keys-navigation-bottom = Go to the last item
keys-navigation-detail_down = Scroll the detail pane (signature, rules, man page) down
keys-navigation-detail_up = Scroll the detail pane up
keys-navigation-back = Clear the search filter and the marks

keys-actions = Categories and syscalls
keys-actions-allow = Allow the selected syscall, the marked ones, or the whole category
keys-actions-deny = Deny: fail with the profile's errno
keys-actions-deny_with = Deny with an errno you type (EACCES, 13, ...)
keys-actions-kill = Kill the process
keys-actions-log = Allow and log
keys-actions-trap = Send SIGSYS (trap)
keys-actions-notify = Ask a user-space supervisor (notify)
keys-actions-default = Back to the default action
keys-actions-mark = Mark or unmark the syscall, to act on several at once
keys-actions-open_rules = Open the argument-rule editor of the syscall
keys-actions-toggle_run_stops = At 160 columns or more: show the run view's stops beside the list
keys-actions-deny_siblings = After a deny that leaves same-job siblings allowed (chmod denied, fchmodat allowed): deny them the same way (one undoable edit)
keys-actions-open_in_bpf = Show the syscall's part of the BPF program in view 2 (v there: its rules in the JSON)

keys-bpf = BPF view
keys-bpf-toggle_follow = Follow the syscall selected in view 1: highlight its path and scroll to it
keys-bpf-find_in_listing = Find text in the listing (a syscall name, ALLOW, args[1]...)
keys-bpf-find_next = Next match of the find
keys-bpf-find_prev = Previous match of the find
keys-bpf-cycle_rendering = Show the disassembly, libseccomp's PFC or the JSON a save would write
keys-bpf-explain_call = Explain a call you type (socket AF_INET6 SOCK_STREAM 0; tab completes)
keys-bpf-cycle_abi = Make the calls in the next ABI the filter covers (x86_64, x86, x32...)
keys-bpf-compare_layouts = Compare the linear and the binary-tree layout of the draft

keys-rules = Rule editor
keys-rules-new_rule = Add a rule with argument conditions
keys-rules-edit_rule = Edit the selected rule
keys-rules-delete_rule = Take the syscall out of the selected rule
keys-rules-close = Close the rule editor

keys-form = Rule form
keys-form-next_field = Next field
keys-form-prev_field = Previous field
keys-form-complete = Complete a constant name, or go to the next field
keys-form-choice_next = Next choice (argument, operator, action)
keys-form-choice_prev = Previous choice
keys-form-add_condition = Add a condition (conditions AND together)
keys-form-remove_condition = Remove the condition under the cursor
keys-form-apply = Apply the rule to the profile
keys-form-cancel = Leave the form without changing anything

keys-settings = Profile settings
keys-settings-change_next = Next value of the setting
keys-settings-change_prev = Previous value of the setting
keys-settings-toggle = Toggle, or type a new value
keys-settings-show_changes = Show what the unsaved changes do (effective diff against the saved file)

keys-run = Run view
keys-run-edit_command = Edit the command line; enter again runs it (up/down: history)
keys-run-rerun = Run the command again under the current draft
keys-run-stop_run = End the running command and every process it started
keys-run-allow = Allow the selected stopped syscall in the profile (one undoable edit)
keys-run-deny = Deny the calls that went through (siblings of denied syscalls) the same way (one undoable edit)
keys-run-open_rules = Open the rule editor for the selected stop, prefilled with its arguments
keys-run-record = Record: run with every call observed, then propose what the draft lacks
keys-run-toggle_enforce = Switch between observed mode (every stop reported) and enforce mode
keys-run-toggle_target = Switch where commands run: this machine, or a container made from a root filesystem or an OCI bundle by runc or crun (asks for its folder, offering the last one used with this profile)
keys-run-focus_terminal = Type into the running command (its terminal takes the keys)
keys-run-scroll_back = Page back through the command's earlier output (its last 1,000 lines; the mouse wheel too)
keys-run-scroll_forward = Page forward through the command's output, back to its live screen

keys-proposal = Run view: proposal after a recording
keys-proposal-yes = Accept the selected addition
keys-proposal-no = Reject the selected addition
keys-proposal-mark = Accept or reject the selected addition
keys-proposal-toggle_narrow = Switch the selected addition between its narrow rule (only the values seen) and the syscall by name
keys-proposal-accept_all = Accept every addition
keys-proposal-reject_all = Reject every addition
keys-proposal-apply = Add the accepted rules after the draft's own (one undoable edit)
keys-proposal-cancel = Put the proposal away without changing the profile

keys-lint = Lint view
keys-lint-jump_to_rule = Go to the syscall the finding is about (view 1, or the rule editor for argument conditions)
keys-lint-apply_fix = Apply the finding's fix (one undoable edit)

keys-terminal = Run view: typing into the command
keys-terminal-release_terminal = Give the keys back to the editor (every other key goes to the command)
keys-terminal-scroll_back = Page back through the command's earlier output
keys-terminal-scroll_forward = Page forward through the command's output, back to its live screen

keys-prompt = Search and prompts
keys-prompt-apply = Accept what was typed (search: jump to the first match)
keys-prompt-cancel = Cancel (search: clear the filter)

keys-dialog = Questions
keys-dialog-yes = Save before quitting; restore a recovery file
keys-dialog-no = Quit without saving; ignore a recovery file
keys-dialog-overwrite = The file changed on disk: overwrite it with the document
keys-dialog-reload = Restore a recovery file; when the file changed on disk, load it again (undo brings back your edits)
keys-dialog-cancel = Go back to the editor

## The status bar.

search-keys = enter: first match · esc: clear
status-not-changed = Not changed: { $why }
status-undid = Undid: { $edit }
status-redid = Redid: { $edit }
status-nothing-to-undo = Nothing to undo
status-nothing-to-redo = Nothing to redo
status-no-file-yet = The built-in profile has no file yet: save it with a name
status-saved = Saved { $file }
status-saved-canonical = Saved { $file } in canonical form ({ $why })
status-could-not-save = Could not save { $file }: { $why }

## Questions.

prompt-title = Question
prompt-keys = enter accept · esc cancel
dialog-cancel = { $key } cancel
dialog-quit-title = Unsaved changes
dialog-quit-text = Save changes before quitting?
dialog-quit-save = { $key } save and quit
dialog-quit-discard = { $key } discard and quit
dialog-stop-run-title = A command is running
dialog-stop-run-text = The command in the run view is still running. End it, with every process it started, and quit?
dialog-stop-run-end = { $key } end it and quit
dialog-stop-run-keep = { $key } keep it running
dialog-recover-title = Recovery file
dialog-recover-text = An earlier session left unsaved changes to this profile. Restore them?
dialog-recover-restore = { $key } restore (undo goes back to the file)
dialog-recover-ignore = { $key } ignore and delete them
dialog-read-only-title = Read-only file
dialog-read-only-text = The file is read-only (no write permission for you). Write it anyway?
dialog-read-only-write = { $key } write anyway
dialog-disk-title = File changed on disk
dialog-disk-gone-text = The file was removed since it was opened. Write it again?
dialog-disk-appeared-text = A file of this name was created meanwhile. Replace it?
dialog-disk-changed-text = The file was changed on disk since it was opened (by another editor, git, ...). Saving would overwrite those changes.
dialog-disk-overwrite = { $key } overwrite
dialog-disk-reload = { $key } reload it (u brings back your edits)

## Key hints in the status bar and under panes: $k1, $k2... are the keys as bound.

hint-change = { $k1 }/{ $k2 } change
hint-toggle-or-type = { $k1 } toggle or type a value
hint-unsaved-changes = { $k1 } unsaved changes
hint-target-not-saved = the target is not saved in the profile
hint-new-rule = { $k1 } new rule
hint-edit = { $k1 } edit
hint-take-out-of-rule = { $k1 } take { $name } out of the rule
hint-close = { $k1 } close
hint-u-undo = u undo
hint-field = { $k1 }/{ $k2 } field
hint-choose = { $k1 }/{ $k2 } choose
hint-complete = { $k1 } complete
hint-add-condition = { $k1 } add condition
hint-remove = { $k1 } remove
hint-apply = { $k1 } apply
hint-cancel = { $k1 } cancel
hint-deny-them-too = { $k1 } denies them the same way
hint-runs-again = { $k1 } runs again
hint-accept = { $k1 } accept
hint-reject = { $k1 } reject
hint-narrow-by-name = { $k1 } narrow/by name
hint-all = { $k1 } all
hint-none = { $k1 } none
hint-apply-one-edit = { $k1 } apply (one edit)
hint-put-away = { $k1 } put away
hint-other-views = 1-5 the other views
hint-close-shown-once = { $k1 } close (shown once)
hint-help = { $k1 } help
hint-undo = { $k1 } undo
hint-save = { $k1 } save
hint-quit = { $k1 } quit
hint-search = { $k1 } search
hint-act = { $k1 }{ $k2 }{ $k3 }{ $k4 }{ $k5 }{ $k6 }{ $k7 } act
hint-rules = { $k1 } rules
hint-mark = { $k1 } mark
hint-settings = ←/→ change · space toggle
hint-view = { $k1 } view
hint-explain = { $k1 } explain
hint-abi = { $k1 } ABI
hint-follow = { $k1 } follow
hint-find-next = { $k1 } find ({ $k2 }/{ $k3 } next)
hint-edit-run = { $k1 } edit/run
hint-again = { $k1 } again
hint-record = { $k1 } record
hint-allow = { $k1 } allow
hint-fix = { $k1 } fix
hint-go-to = { $k1 } go to
hint-keys-to-command = keys go to the command
hint-back-to-the-editor = { $k1 } back to the editor
hint-choice = { $k1 }/{ $k2 } choice
hint-remove-it = { $k1 } remove it
hint-take-out = { $k1 } take out

## The title bar.

title-unsaved = { $origin } (unsaved)
title-native-arch = native arch only
title-arches = { $n ->
    [one] { $n } arch
   *[other] { $n } arches
}
title-arches-more = { $first }+{ $n } more
title-default = default { $action }

## View 1.

syscalls-categories = Categories
syscalls-details = Details

## View 2.

bpf-title-disassembly = BPF · disassembly

## View 3.

run-title = Run
run-terminal = Terminal
run-terminal-back = Terminal: { $n } lines back ({ $key } goes forward)
run-terminal-typing = Terminal: typing into the command ({ $key } to leave)
run-stops = Stops
run-went-through = Went through (the draft allows these)
run-proposal = Proposal

## View 4 (the findings' own texts come from the lint engine, in English).

lint-errors = { $n ->
    [one] { $n } error
   *[other] { $n } errors
}
lint-warnings = { $n ->
    [one] { $n } warning
   *[other] { $n } warnings
}
lint-notes = { $n ->
    [one] { $n } note
   *[other] { $n } notes
}
lint-nothing-found = nothing found
lint-title = Lint: { $summary }
lint-title-stale = Lint: { $summary } (checking the last edit…)
lint-title-checking = Lint: checking…
lint-heading-errors = Errors ({ $n })
lint-heading-warnings = Warnings ({ $n })
lint-heading-notes = Notes ({ $n })
lint-no-findings = No findings: lint sees nothing wrong with this draft on the target.
lint-finding = Finding
lint-finding-title = { $severity }[{ $id }] at { $line }:{ $col }

## View 5.

settings-title = Profile settings and target
settings-default-action = Default action
settings-default-errno = Default errno
settings-errno-not-set = not set: EPERM
settings-architectures = Architectures
settings-flags = Flags
settings-target-arch = Target arch
settings-target-arch-about = rules with includes/excludes are judged for this machine
settings-target-kernel = Target kernel
settings-runtime = Runtime
settings-runtime-runc = skips names its libseccomp cannot resolve, ENOSYS for newer calls
settings-runtime-crun = skips names its libseccomp cannot resolve
settings-runtime-none = loads seccompose's filter as compiled
settings-capabilities = Capabilities
settings-caps-count = { $n } capabilities
settings-caps-docker = Docker's default set
settings-caps-added = added: { $caps }
settings-caps-removed = { $n } of Docker's removed

## The first-start tour, one page per view.

tour-title = Tour: { $view }
tour-syscalls-title = 1 Syscalls
tour-syscalls = A seccomp profile decides, for every syscall, whether it runs, fails with an errno, or kills. Left: categories; middle: their syscalls; right: what one does and which rule decides it. a allow, d deny, x kill, - back to the default; / searches.
tour-bpf-title = 2 BPF
tour-bpf = The program the kernel will run for this draft, recompiled after every edit. The syscall selected in view 1 is followed; e explains any call you type, v switches between disassembly, PFC and JSON.
tour-run-title = 3 Run
tour-run = Try a command under the draft: Enter edits the command line, Enter again runs it. Every stop is listed with the rule that decided; a allows it, R records what a command needs.
tour-lint-title = 4 Lint
tour-lint = Likely mistakes and holes, such as a denied syscall whose sibling still does the job. Enter goes to the rule, f applies the fix (u undoes it).
tour-settings-title = 5 Profile
tour-settings = The default action and errno, the architectures, the flags, and the target the profile is judged for (architecture, kernel, runtime, capabilities).

## View 1's detail pane (the summaries and risk reasons come from the catalog).

detail-risk = Risk:
detail-gets = Gets:
detail-from-default = the default action
detail-conditional = argument rules can decide otherwise
detail-siblings = Siblings:
detail-same = same
detail-siblings-warning = Siblings do the same job: one that gets something else can be a way around this.
detail-no-rule = No rule names it.
detail-rules = Rules:
detail-active = active
detail-inactive = inactive on this target ({ $why })
detail-manual = ── manual ──
detail-man-loading = (loading the man page…)

## View 3: stops and the header.

run-stop = Stop
run-stop-last-call = { $name } (last call)
run-stops-enforce = Stops: not reported in enforce mode
run-stops-count = Stops: { $syscalls ->
    [one] { $syscalls } syscall
   *[other] { $syscalls } syscalls
}, { $calls ->
    [one] { $calls } call
   *[other] { $calls } calls
}
run-recording-title = Recording: { $n } syscalls used
run-empty-enforce = Enforce mode runs the exact filter; switch to observed mode (E) to see stops.
run-empty-record = Everything is let through and noted; the proposal follows when the command ends.
run-no-stops = No stops.
run-no-stops-yet = No stops yet.
run-decided-by-rule = Decided by the rule at { $place }
run-decided-by-default = Decided by the default action
run-editing = Editing the command: enter runs it · esc leaves it as it is · up/down: history
run-idle-host = Runs in the editor's working directory and environment, under the draft.
run-idle-container = Runs in the container, under the draft, through the OCI runtime.
run-idle-keys = { $edit } edit · { $run } run · { $record } record · { $enforce } enforce
run-keys-to-command = Keys go to the command; { $key } gives them back to the editor.
run-type-into-it = { $key } type into it
run-running = Running `{ $command }` · { $keys } · { $key } ends it (the whole tree)
run-finished-keys = { $again } run again · { $edit } edit
run-observed-explained = Observed mode: the command sees exactly what the profile does (errno, SIGSYS); seccompose only watches and lists each stop.
run-mode-recording = recording
run-mode-enforced = enforced
run-mode-observed = observed
run-mode-enforce = enforce mode
run-mode-enforce-no-notify = enforce mode: this kernel has no user notification
run-mode-enforce-no-trace = enforce mode: tracing the command is not allowed here
run-mode-observe = observed mode
run-target = Target:
run-target-host = host (this machine)
run-target-container = container { $dir }
run-target-switch-container = container
run-target-switch-host = host
run-target-unavailable = no container target: { $why }
run-target-ask = Container DIR (a root filesystem or an OCI bundle):
run-target-ask-keys = enter: use it · esc: stay on the host

## More of the status bar and view 1.

status-running-as-root = Running as root: commands run from the editor run as root too (an ordinary user is safer)
search-heading = Search "{ $query }": { $n } found

## Lint findings: their messages, help lines and fixes (Text from crates/core/src/lint).
# (ids begin with lint-)


## Reading a profile: check's diagnostics (Text from crates/core/src/profile).
# (ids begin with load-)


## The command line: its messages, --help, doctor, usage and explain's words.
# (ids begin with cli-)

# --help: clap's headings and flags, then each command's about and its arguments' help, the
# same words as the doc comments in src/cli (src/cli/help.rs holds them to it).
cli-heading-usage = Usage:
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-heading-commands = Commands
cli-heading-command-name = COMMAND
cli-flag-help = Print help
cli-flag-help-more = Print help (see more with '--help')
cli-flag-help-summary = Print help (see a summary with '-h')
cli-flag-version = Print version
cli-about-help = Print this message or the help of the given subcommand(s)
cli-about-seccompose = An interactive editor and toolkit for Linux seccomp profiles (Docker/OCI JSON)
cli-help-seccompose-file = Profile to open in the editor (default: the built-in default profile): Docker/OCI JSON, an OCI runtime config.json or an SPO manifest; it is saved back in its own format
cli-help-seccompose-new = Start from this starter profile (`--new list` lists them); FILE, if given, must not exist yet and is where the profile is saved
cli-help-seccompose-name = In a manifest file holding several SeccompProfiles, the one to open (metadata.name)
cli-help-lang = The language of messages, --help, the lessons and the catalog's texts (en, pt-BR; default: LC_ALL, LC_MESSAGES or LANG, then English); JSON, SARIF and BPF never change
cli-help-file = The profile
cli-help-json = Print JSON
cli-help-output = Write to this file instead of standard output
cli-help-format = Output format
cli-help-arches = The machine's native architecture (default: this one); repeat to cover several
cli-help-caps = Add a capability to Docker's default set (CAP_SYS_ADMIN or sys_admin); repeatable
cli-help-kernel = Kernel version that `minKernel` is compared with (default: the running kernel)
cli-help-runtime = The runtime that loads the profile: runc (Docker, containerd, Kubernetes; adds its -ENOSYS stub; the default), crun (podman), none (bwrap, systemd, a program's own seccomp()); with `run --container`, the program that runs the container (runc, crun or its path; default: runc, else crun)
cli-help-libseccomp = The runtime's libseccomp version (default: this machine's); names it cannot resolve are skipped by runc and crun
cli-help-no-cache = Compile the profile even when the cache holds its filter (the cache is in the user's cache folder: `seccompose doctor` says where)
cli-help-container = Run the command in a container made from DIR: an OCI bundle (config.json beside its rootfs; only a private copy is changed) or a bare root filesystem
cli-help-no-new-privileges = With a bare root filesystem: turn noNewPrivileges on (Docker leaves it off)
cli-help-workdir = With a bare root filesystem: the working directory in the container (default /)
cli-help-command = The command and its arguments
cli-about-check = Validate profiles; prints FILE:LINE:COL diagnostics; exit 1 on errors
cli-help-check-files = Profiles to check
cli-about-fmt = Rewrite profiles in canonical form, keeping meaning, order and unknown fields
cli-help-fmt-check = Only report files that are not canonical (exit 1 if any)
cli-help-fmt-stdout = Print the canonical text instead of rewriting the file
cli-help-fmt-no-backup = Do not keep the previous version as FILE~
cli-help-fmt-force = Also rewrite read-only files (keeping them read-only)
cli-help-fmt-files = Profiles to format
cli-about-syscalls = List syscalls with category, summary and risk (summaries in the language of LC_ALL, LC_MESSAGES or LANG; --json is always English)
cli-help-syscalls-arch = Only syscalls that exist on this architecture (x86_64, aarch64, ...)
cli-help-syscalls-category = Only this category id (files, network, ...) or group (@file-system, %net)
cli-about-compile = Compile a profile to BPF (raw, libseccomp's PFC, or annotated disassembly)
cli-value-compile-bpf = The raw sock_filter array (what `bwrap --seccomp FD` loads)
cli-value-compile-pfc = libseccomp's pseudo filter code
cli-value-compile-disasm = seccompose's annotated disassembly
cli-help-compile-layout = Filter layout: linear comparisons or a binary tree
cli-value-compile-auto = Binary tree above 8 rules, as runc
cli-value-compile-linear = Linear
cli-value-compile-tree = Binary tree
cli-about-explain = What the filter does with one call: the action, the instructions taken, the deciding rule
cli-help-explain-syscall = The syscall name
cli-help-explain-args = Up to six arguments: decimal (negative too: -100), 0x hex, or constants such as AF_INET6, O_RDONLY|O_CLOEXEC or AT_FDCWD
cli-help-explain-abis = The ABI the call is made in (default: the host's); repeat to ask for several
cli-help-explain-host = The architecture of the host the profile is loaded on (default: this machine's)
cli-about-doctor = What this machine offers: seccomp filters, actions, user notification, libseccomp, man pages; exit 0 when everything the editor needs is there
cli-about-agent = Serve a unix socket as the seccomp agent of the draft for any runtime that connects (runc under Docker, crun under podman): every stop answered as the draft would, and printed as it happens, until Ctrl-c. -o writes the profile to hand the engine
cli-help-agent-file = The profile (the draft)
cli-help-agent-socket = The unix socket to serve; the rewritten profile names it as its listenerPath
cli-help-agent-output = Write the profile to hand the engine here: the draft rewritten for observed mode, with listenerPath set to the socket (an existing file is kept as FILE~)
cli-about-usage = The exact lines that apply the profile: Docker, podman, Kubernetes (Localhost and the operator), systemd, bubblewrap with the compiled filter
cli-help-usage-only = Only this section: docker, kubernetes, spo, systemd, bwrap, observe
cli-help-usage-full = Also print what the commands write (the operator's manifest, systemd's settings)
cli-about-learn = Lessons in the editor, checked as you go: what a syscall is, blocking one, why that is not enough, argument rules, reading the filter, default deny
cli-help-learn-lesson = The lesson: its number or id (default: choose in the editor)
cli-help-learn-list = Print the lessons instead
cli-about-diff = Compare what two profiles do (per syscall: action, errno, argument conditions after runc's reading), not their text; exit 0 when they do the same, 1 when not, 2 on trouble
cli-help-diff-a = The first profile
cli-help-diff-b = The second profile
cli-about-lint = Find likely mistakes and holes (sibling syscalls left open, risky allows, rules that never apply); exit 1 on warnings or errors
cli-help-lint-json = Print JSON (the same as --format json)
cli-value-lint-text = `FILE:LINE:COL: warning[ID]: MESSAGE` and a help line, like a compiler
cli-value-lint-json = An array of objects
cli-value-lint-sarif = SARIF 2.1.0, for code-scanning services
cli-help-lint-deny = Exit 1 when a finding of this severity or above remains
cli-value-lint-error = Only errors
cli-value-lint-warning = Warnings and errors (the default)
cli-value-lint-note = Any finding
cli-help-lint-fix = Apply every fix lint knows and save the file (only what the fixes change; FILE~ keeps the previous version)
cli-help-lint-dry-run = With --fix: write nothing, print what the fixes would change in the effective policy; exit 1 when they would change something
cli-about-run = Run a command under the profile and report what the policy stopped
cli-help-run-enforce = Install the exact filter and report only how the command ended
cli-help-run-report = Also write the full report as JSON
cli-help-run-timeout = End the whole process tree after this many seconds
cli-about-record = Run a command, note every syscall it uses, and write a profile allowing exactly those
cli-help-record-output = Where to write the profile (default: standard output)
cli-help-record-base = Add to this profile instead of starting from scratch: rules only for the calls it would stop; its own rules stay as they are
cli-help-record-names-only = Allow each syscall by name (every argument) instead of only the values seen
cli-help-record-force = Replace OUT even when the command failed (the recording may then be incomplete) or OUT is read-only
cli-about-convert = Convert a profile to another format (Docker JSON, OCI, SPO manifest, systemd settings); exit 1 when the output cannot express all of it (unless --lossy), 2 when nothing was written
cli-help-convert-file = The profile: Docker/OCI JSON, an OCI runtime config.json, or an SPO manifest
cli-help-convert-to = The format to write
cli-help-convert-from = The input's format, when the guess from its name and content is wrong
cli-value-convert-docker = Docker/OCI/podman seccomp profile (JSON)
cli-value-convert-oci = OCI: the `linux.seccomp` object (read: a whole runtime `config.json`)
cli-value-convert-spo = Kubernetes Security Profiles Operator `SeccompProfile` manifest (YAML)
cli-value-convert-systemd = systemd unit settings (SystemCallFilter=, ...); output only
cli-help-convert-patch = With --to oci: write a copy of this runtime config.json with the profile as its linux.seccomp, every other byte unchanged
cli-help-convert-name = The manifest's metadata.name: picks the profile out of a manifest file, and names the manifest written (default: the input's name, or the file's name)
cli-help-convert-namespace = With --to spo: the manifest's metadata.namespace
cli-help-convert-lossy = Exit 0 even when the output format cannot express all of the profile (what it cannot express is listed either way)
cli-about-merge = The union of several profiles, rule by rule (a narrow rule stays narrow), keeping the first one's settings and saying where the files disagree
cli-help-merge-files = The profiles; the first one's default action, architectures and flags are kept
cli-help-merge-output = Where to write the union (default: standard output)
cli-help-merge-force = Replace OUT even when it is read-only
cli-about-completions = Print a completion script for a shell (bash, zsh, fish, elvish, powershell)
cli-help-completions-shell = The shell
cli-about-manpage = Print seccompose's manual page (roff, for `man -l -`), made from the same definitions as --help
cli-about-man = Show the manual page of a syscall (or the catalog's description when none is installed)
cli-help-man-syscall = The syscall
cli-help-man-width = Wrap to this width (default: the terminal's, or 80)

# doctor: each check's name, what was found and what follows (crates/sandbox/src/support.rs),
# then the marks and closing lines (src/cli/doctor.rs).
cli-doctor-kernel-config = kernel config
cli-doctor-unset = unset
cli-doctor-kernel-config-found = { $from }: CONFIG_SECCOMP_FILTER={ $filter }, CONFIG_X86_X32_ABI={ $x32 }
cli-doctor-no-x32 = x32 programs cannot run here, so x32 sections of a filter are never exercised on this machine
cli-doctor-kernel-config-unreadable = neither /proc/config.gz nor /boot/config-RELEASE is readable; the probes below decide
cli-doctor-filters = seccomp filters
cli-doctor-filters-load = a filter loads (this process runs in seccomp mode { $mode })
cli-doctor-filters-fail = loading a filter failed
cli-doctor-filters-consequence = nothing can be run under a profile here; editing, checking and compiling still work
cli-doctor-actions = actions
cli-doctor-actions-unreadable = /proc/sys/kernel/seccomp/actions_avail is not readable
cli-doctor-actions-offered = the kernel offers: { $actions }
cli-doctor-actions-consequence = profiles that use a missing action behave differently here than on a newer kernel
cli-doctor-notification = user notification
cli-doctor-notification-works = a listener can be taken from a filter
cli-doctor-notification-missing = a filter cannot hand out a user-notification listener
cli-doctor-notification-consequence = runs work in enforce mode only: the command sees the policy, but stopped syscalls are not reported
cli-doctor-tracing = tracing
cli-doctor-tracing-works = this process may trace the commands it starts
cli-doctor-tracing-refused-yama = ptrace of a child is refused (Yama ptrace_scope: { $scope })
cli-doctor-tracing-refused = ptrace of a child is refused
cli-doctor-tracing-consequence = observed runs cannot watch TRAP and KILL stops, so runs work in enforce mode only
cli-doctor-libseccomp = libseccomp
cli-doctor-libseccomp-version = { $version }, API level { $api }
cli-doctor-libseccomp-error = cannot ask for its version: { $error }
cli-doctor-libseccomp-consequence = profiles cannot be compiled
cli-doctor-man = man pages
cli-doctor-man-installed = section 2 is installed
cli-doctor-man-missing = section 2 is not installed (or `man` is missing)
cli-doctor-man-consequence = the editor shows the catalog's summaries instead; install manpages-dev (Debian/Ubuntu) or man-pages (Fedora)
cli-doctor-user = user
cli-doctor-user-root = running as root
cli-doctor-user-ordinary = running as an ordinary user
cli-doctor-user-consequence = commands run under a profile run as root too; try them as an ordinary user when you can
cli-doctor-cache = compile cache
cli-doctor-cache-not-yours = { $dir } is not yours, or others may write to it: every run compiles its filter (set XDG_CACHE_HOME to a folder of your own)
cli-doctor-cache-usage = { $dir }: { $n } compiled filters, { $size } KiB (--no-cache compiles anew)
cli-doctor-cache-none = no cache folder (no home folder): every run compiles its filter
cli-doctor-runtime = container runtime
cli-doctor-runtime-none = none found: run --container needs runc or crun (Debian package runc)
cli-doctor-runtime-passed = { $version } ({ $path }): passed the listener probe (it handed over the notification fd and a call came through it): run --container can use it
cli-doctor-runtime-failed = { $version } ({ $path }): failed the listener probe: { $why }
cli-doctor-runtime-failed-consequence = run --container can enforce with it, but not observe or record
cli-doctor-runtime-no-version = (no version given)
cli-doctor-mark-ok = ok
cli-doctor-mark-warning = warning
cli-doctor-mark-failed = FAILED
cli-doctor-mark-note = note
cli-doctor-usable = seccompose has what it needs here.
cli-doctor-unusable = seccompose cannot do all of its work here (see FAILED above).

# usage: each section's heading and notes (crates/core/src/profile/usage.rs) and what
# src/cli/usage.rs says around them; the command lines themselves are not messages.
cli-usage-docker = Docker and podman
cli-usage-docker-note = The runtime reads the file when the container starts: edit, save and start the container again. In docker compose: security_opt: ["seccomp=FILE"].
cli-usage-observe = Observing the draft under Docker or podman (seccompose agent)
cli-usage-observe-docker = Docker Engine 23.0 or later (its runtime: runc)
cli-usage-observe-podman = podman 4.1 or later (its runtime: crun, unless configured otherwise)
cli-usage-observe-note-agent = The agent answers every call the draft stops as the draft would and prints it as it happens; kill %1 (or Ctrl-c in the foreground) ends it: end the container first, since without the agent the calls the rewrite notifies fail with ENOSYS. -o writes the rewrite again from the saved draft.
cli-usage-observe-note-engines = Docker passes listenerPath on to runc from Engine 23.0 (20.10 drops it), podman from 4.1 (containers/common 0.48): read in their sources, not tried with an engine here; the agent itself is tested with runc run directly. The runtime must reach the socket's path: with a rootless engine, try it first.
cli-usage-kubernetes = Kubernetes: a Localhost profile
cli-usage-kubernetes-note = The file must be on every node that may run the pod, under the kubelet's seccomp root ({ $root }); localhostProfile is relative to it. The same securityContext works on one container.
cli-usage-spo = Kubernetes: the Security Profiles Operator
cli-usage-spo-cannot = The operator's schema cannot express: { $what }
cli-usage-spo-note = The operator writes the profile on every node; the pod names the path it reports ({ $command }), { $path } in most versions.
cli-usage-systemd = A systemd service
cli-usage-systemd-note = Put the settings in the service's unit or in a drop-in (systemctl edit NAME.service), then restart it.
cli-usage-systemd-lossy = systemd cannot express { $n ->
    [one] { $n } part
   *[other] { $n } parts
} of the profile: the comments at the end of the settings list them
cli-usage-bwrap = bubblewrap, with the compiled filter
cli-usage-bwrap-arch = The BPF is for { $arch } (with its archMap sub-architectures), the target it was compiled for; bwrap loads it just before it runs COMMAND, so execve must be allowed.
cli-usage-bwrap-shell = The line is for bash or zsh: a POSIX sh such as dash opens only descriptors 0-9 (write --seccomp 9 9<FILE there). Inside, the file system is read-only: --bind a folder to write to it.
cli-usage-inlined = (what the command above writes: --full prints it)
cli-note = note: { $note }
cli-usage-one-arch = usage applies a profile on one machine: give at most one --arch
cli-cannot-read = cannot read { $file }
cli-several-profiles = { $file } holds several SeccompProfiles; take one out with `seccompose convert { $file } --name NAME --to docker`
cli-has-errors = { $file } has errors; run `seccompose check { $file }` for all of them
cli-usage-no-section = no section "{ $id }"; there are: { $ids }

# explain: the words around the call, the action and the instructions (src/cli/explain.rs,
# crates/core/src/compile/explain.rs and rules.rs); names, constants and BPF stay as they are.
cli-explain-call = { $call } on { $arch } (nr { $nr }): { $action }
cli-explain-call-host = { $call } on { $arch } under the { $host } host's filter (nr { $nr }): { $action }
cli-explain-stub = decided by runc's -ENOSYS stub: { $nr } is above { $limit }, { $name }, the newest syscall this profile names that the runtime resolves for { $arch }
cli-explain-stub-multiplexer = decided by runc's -ENOSYS stub: syscall { $nr } on { $arch } is its multiplexer
cli-explain-rule = decided by { $rule }
cli-explain-bad-arch = decided by the bad-architecture action: the filter has no section for { $arch }
cli-explain-default = decided by the default action ({ $action })
cli-explain-skipped = syscalls[{ $index }]: { $runtime }'s libseccomp { $version } cannot resolve "{ $name }", so { $runtime } skips it
cli-explain-skipped-since = { $skipped }; libseccomp { $since } and newer know it
cli-explain-not-applied = not applied: { $why }
cli-explain-path = path ({ $n } instructions):

# run and record: the report's lines, how the command ended, what was recorded
# (crates/sandbox/src/report.rs, through.rs, record.rs, support.rs; src/cli/run.rs, runs.rs).
cli-run-contained-pid = contained in a PID namespace: no process of the command outlives the run
cli-run-contained-user-pid = contained in a user + PID namespace: no process of the command outlives the run
cli-run-not-contained-foreign = not contained (no PID namespace allowed here), and /proc here belongs to another PID namespace: processes the command leaves behind cannot be found, and may outlive the run
cli-run-not-contained = not contained (no PID namespace allowed here): processes the command leaves behind are ended with the run, but would survive a SIGKILL of seccompose
cli-run-stopped-none = the policy stopped no syscall
cli-run-stopped = the policy stopped { $n ->
    [one] { $n } syscall
   *[other] { $n } syscalls
} ({ $calls ->
    [one] { $calls } call
   *[other] { $calls } calls
}):
cli-run-by-stub = runc's ENOSYS stub
cli-run-by-default = default action
cli-run-first = first: { $call }
cli-run-the-command = the command
cli-run-the-container-command = the container's command
cli-run-exited = { $who } exited with status { $status }
cli-run-killed-trap = killed by { $signal }: the policy traps on { $syscall }
cli-run-killed-kill = killed by { $signal }: the policy kills on { $syscall }
cli-run-killed = killed by { $signal }
cli-run-timed-out = ended at the timeout (the whole process tree)
cli-run-stopped-on-request = stopped on request (the whole process tree)
cli-run-not-run-denied = { $who } was not run: the profile denies execve ({ $errno })
cli-run-not-run-failed = { $who } was not run: execve failed ({ $errno })
cli-run-went-through = went through: { $call }
cli-run-went-through-sibling = went through: { $call }, which does what { $denied } { $n ->
    [one] does
   *[other] do
}; the draft denies { $denied } but allows { $allowed } ({ $place })
cli-run-the-default = the default action
cli-run-rule-line = line { $line }:{ $col }
cli-run-fell-back = this kernel cannot hand out user-notification listeners (see `seccompose doctor`), so the command runs in enforce mode: it sees exactly what the profile does, but stopped syscalls are not reported
cli-run-fell-back-no-tracing = this process may not trace the command (see `seccompose doctor`), so it runs in enforce mode: it sees exactly what the profile does, but stopped syscalls are not reported
cli-run-fell-back-foreign-proc = /proc here belongs to another PID namespace (a run inside a run?), where the command cannot be found to observe it, so it runs in enforce mode: it sees exactly what the profile does, but stopped syscalls are not reported
cli-run-cannot-record = recording needs user notification, which this kernel cannot hand out (see `seccompose doctor`)
cli-run-cannot-record-foreign-proc = recording needs to find the command in /proc, which here belongs to another PID namespace (a run inside a run?)
cli-record-held = the draft's rule at { $place } stops it on purpose ({ $action })
cli-record-held-first = a rule of the draft decides first ({ $action })
cli-record-held-compile = the draft with it does not compile: { $error }
cli-run-cannot-start = cannot run { $why }: the command was not run
cli-run-as-root = running as root: the command runs as root too (try it as an ordinary user when you can)
cli-run-one-arch = run and record use one architecture: the one this machine runs
cli-run-signal-handlers = installing signal handlers
cli-writing = writing { $file }
cli-record-unchanged = { $file } was not changed: the command failed ({ $ending }), so the recording may be incomplete; --force writes it anyway
cli-record-read-only = { $error }; `record --force` replaces it
cli-record-interrupted = the command was stopped before it finished; the profile may be incomplete
cli-record-distinct = recorded { $n } distinct calls
cli-record-distinct-based = recorded { $n } distinct calls; the base already allows { $allowed } of them
cli-record-nothing = nothing to add
cli-record-every-call = every call ({ $why })
cli-record-or = or
cli-record-every-call-of = every call of: { $names }
cli-record-unseen-for = { $name } (for { $of })
cli-record-unseen = note, not added: the run did not call these, which do the same job as calls it made and which another C library, kernel or error path may use: { $names }
cli-record-not-added = not added: { $name } stays stopped: { $why }; change that rule by hand if the command needs it
cli-record-unnamed = syscall number { $nr } ({ $arch }) has no name in the catalog, so no rule can allow it

# merge: what the union says (crates/core/src/profile/merge.rs, crates/sandbox/src/merge.rs).
cli-merge-default = { $file } has default action { $action } where { $first } has { $kept }: kept { $first }'s, so what { $file } leaves to its default is not merged
cli-merge-arches = { $file } names other architectures than { $first }: kept { $first }'s
cli-merge-flags = { $file } sets other flags than { $first }: kept { $first }'s
cli-merge-stopping = { $file }: { $n ->
    [one] { $n } rule that allows nothing was
   *[other] { $n } rules that allow nothing were
} not taken (the union keeps what allows)
cli-merge-mixed = { $file }: not merged, since its own rules both allow and stop them: { $names }
cli-merge-allows = { $first }'s default action allows: the union allows whatever it does not stop
cli-merge-left-out = left out a rule for { $names }: with the rules before it the profile does not compile ({ $error })
cli-merge-short = not everything the files allow is allowed by the merge for: { $names } (a rule of the first file decides first)
cli-merge-widened = not merged, since the rules together would allow calls no file allows: { $names }
cli-merge-two = merge needs at least two profiles
cli-merge-one-arch = merge checks the union for one architecture: give one --arch
cli-merge-a-profile = a profile to merge

# The other commands' own lines: errors, diff, compile, convert, the catalog and the target.
cli-error = error: { $error }
cli-tally = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}, { $notes ->
    [one] { $notes } note
   *[other] { $notes } notes
}
cli-diff-on = on { $arch }
cli-diff-same = { $a } and { $b } do the same
cli-diff-default = default: { $change }
cli-diff-arches = architectures: { $change }
cli-compile-one-arch = --format bpf writes one program: give at most one --arch (its archMap sub-architectures are included)
cli-convert-errors = { $file } has errors; nothing was written
cli-convert-several = { $file } holds several SeccompProfiles ({ $names }): pick one with --name
cli-convert-patch = --patch CONFIG.json goes with --to oci
cli-convert-namespace = --namespace goes with --to spo
cli-convert-one-arch = convert decides a profile for one machine: give at most one --arch
cli-convert-bad-name = "{ $name }" is not a valid Kubernetes name (lower-case letters, digits, '-' and '.'): give one with --name
cli-convert-cannot = { $format } cannot express: { $what }
cli-convert-lossy = the { $format } output leaves out { $n ->
    [one] { $n } part
   *[other] { $n } parts
} of the profile (listed above); --lossy accepts that
cli-catalog-unknown-arch = unknown architecture "{ $name }"; the catalog has { $arches }
cli-catalog-unknown-category = unknown category "{ $name }"; categories: { $ids } (or a group such as @file-system, %net)
cli-unknown-syscall = unknown syscall "{ $name }"
cli-unknown-syscall-hint = unknown syscall "{ $name }"; did you mean "{ $hint }"?
cli-bad-kernel = --kernel { $kernel }: expected a version such as 5.8
cli-bad-runtime = --runtime { $runtime }: expected runc, crun or none
cli-bad-libseccomp = --libseccomp { $version }: expected a version such as 2.5.4
cli-old-libseccomp = --libseccomp { $version }: seccompose knows which names libseccomp resolves from { $oldest } on
cli-unknown-arch = unknown architecture "{ $name }"; for example x86_64, x86, x32, aarch64, arm, riscv64, ppc64le, s390x

# run --container and agent (crates/sandbox/src/container/report.rs, src/cli/container.rs,
# src/cli/agent.rs).
cli-container-never-connected = { $runtime } ended without connecting to seccompose's listener (linux.seccomp.listenerPath)
cli-container-not-connected-in-time = { $runtime } did not connect to seccompose's listener (linux.seccomp.listenerPath) within { $seconds } s: the container was ended
cli-container-nothing-observed = nothing was observed: a runtime that does not hand over the filter's notifications cannot run a draft observed (--enforce runs the draft itself)
cli-container-no-new-privileges-off = noNewPrivileges is off (Docker's default): { $runtime } loads the filter earlier, before it sets up the process's privileges, so its own calls from then on go through the filter too
cli-container-start-up = in { $runtime }'s own start-up, after it loaded the filter and before its execve of the command:
cli-container-init-needed = { $runtime } init needed { $names } after the filter was loaded: the container would not start
cli-container-in-command = in the command:
cli-container-runtime-failed = { $runtime } failed: { $error }
cli-container-not-started = the container did not start
cli-container-sigsys = a TRAP or KILL action may have ended it: the kernel delivers those itself, and a container run does not see which call (`run` on the host names it)
cli-container-signal-status = ({ $runtime } reports a container killed by a signal as exit status { $status })
cli-container-rule-at = { $rule } is at { $place }
cli-agent-nothing = { $file } stops no call: a runtime would have nothing to hand over (no SCMP_ACT_NOTIFY rule in the rewrite), so there is nothing to observe
cli-agent-serving = serving { $socket } as the seccomp agent of { $file } (observed: each stop is answered as the draft would, and printed); Ctrl-c ends it
cli-agent-live = { $n ->
    [one] { $n } container is still running: with no agent left, the calls the rewrite notifies now fail with ENOSYS in it
   *[other] { $n } containers are still running: with no agent left, the calls the rewrite notifies now fail with ENOSYS in them
}
cli-agent-ended = the agent has ended; { $socket } removed
cli-agent-draft-itself = -o { $file } is the draft itself: the rewrite goes to another file
cli-agent-wrote = wrote { $file }: the draft rewritten for observed mode, listenerPath set to the socket; hand it to the engine (seccompose usage { $draft } prints the lines)
cli-agent-connected = { $container }: connected, its filter's notifications come here
cli-agent-unusable = a connection handed over no notification fd; ignored
cli-agent-last-ended = { $container }: its last process has ended
cli-agent-phase-runtime = in the runtime's start-up
cli-agent-phase-command = in the command
cli-agent-stop = { $phase }: { $name } { $action } by { $by }: { $call }
cli-learn-no-lesson = no lesson "{ $lesson }"; give its number (1-{ $last }) or id (seccompose learn --list)
cli-explain-not-on-arch = { $name } does not exist on { $arch }
cli-record-by-name-clone3 = clone3 passes its flags in memory (struct clone_args), which a seccomp filter cannot read: only the name can be allowed
cli-record-by-name-unknown = the catalog does not know this syscall's arguments
cli-record-by-name-pointers = its arguments are pointers, descriptors or sizes, not values a rule can pin
cli-record-every-call-bare = every call
cli-heading-default = [default: { $value }]
cli-heading-possible = [possible values: { $values }]
cli-heading-possible-list = Possible values:
cli-call-empty = type a syscall and its arguments, e.g. socket AF_INET6 SOCK_STREAM 0
cli-call-too-many = a syscall has at most { $most } arguments, { $given } given
cli-call-argument = argument { $index }: { $error }
cli-clap-unknown-argument = unexpected argument '{ $arg }' found
cli-clap-unknown-subcommand = unrecognized subcommand '{ $name }'
cli-clap-missing = the following required arguments were not provided:{ $args }
cli-clap-no-value = a value is required for '{ $arg }' but none was supplied
cli-clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-clap-repeated = the argument '{ $arg }' cannot be used multiple times
cli-clap-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-clap-similar-argument = tip: a similar argument exists: '{ $names }'
cli-clap-similar-subcommand = tip: a similar subcommand exists: '{ $names }'
cli-clap-similar-value = tip: a similar value exists: '{ $names }'
cli-clap-try-help = For more information, try '--help'.
cli-starter-default = deny by default; what ordinary programs need, none of the dangerous corners
cli-starter-deny-mkdir-chmod-chown = allow everything but creating directories and changing modes or owners (the *at siblings too)
cli-starter-no-network = allow everything but opening network sockets (Unix sockets stay)
cli-starter-read-only-fs = allow everything but writing to the filesystem (files, directories, links, metadata)
cli-starter-no-new-processes = allow everything but fork, vfork and clone without CLONE_THREAD (threads stay)
cli-starter-strict = seccomp's original strict mode: read, write, exit, rt_sigreturn (and the execve that starts the program)
cli-starter-static-hello = the least a statically linked program needs to start, print and exit
cli-convert-unknown-fields = unknown fields left out: { $keys }
cli-convert-arch-map = archMap resolved for { $arch }: architectures { $arches }
cli-convert-arch-map-native = archMap resolved for { $arch }: architectures left to the runtime (native only)
cli-convert-decided = includes/excludes decided for { $arch } ({ $caps } capabilities, kernel { $kernel }): { $dropped ->
    [one] { $dropped } rule
   *[other] { $dropped } rules
} left out, { $kept } kept
cli-convert-comments = { $n ->
    [one] { $n } comment
   *[other] { $n } comments
} left out
cli-convert-errno-names = podman's errno names (defaultErrno, errno) left out: runc reads only defaultErrnoRet and errnoRet
cli-container-held-by-default = calls of { $names } that no rule matches take the default action without being reported (a TRAP or KILL rule with conditions names them)
cli-container-unobserved-write = write is not observed (runc refuses SCMP_ACT_NOTIFY for it): the profile's action applies to it without a report
cli-container-removed-leftover = removed container { $name }, left by a run of seccompose that was killed
cli-container-write-recorded = write is in the recording without having been seen: { $runtime } does not let it be notified, and its init writes to its parent after loading the filter

## The editor, more: view 2's header, the rule form, proposals, replay, stops and edits.
# (ids begin with ed-)
