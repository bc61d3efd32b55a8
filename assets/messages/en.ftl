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

## The manual page when the system has none (the catalog's words; the page itself is man's).

man-not-installed = No manual page for { $name } is installed on this system.
    Install the Linux man pages to read it here (Debian/Ubuntu: apt install manpages-dev;
    Fedora: dnf install man-pages).
man-unknown = No syscall named { $name } is known.

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
# (and edit- for the edit labels, from crates/core/src/profile/edit.rs)

# Lists and joints: `a, b and c` and a finding's text around another one's.
lint-list = { $init } and { $last }
lint-list-one = { $item }
lint-list-comma = { $first }, { $next }
lint-and-then = { $first }, { $then }
lint-and-absent = { $message }{ $absent }
lint-on-arch = { $message } (on { $arch })
lint-diagnostic = { $text }
lint-help-line = help: { $help }

# What each kind of finding means (view 4, SARIF's rule table).
lint-about-incomplete-block = A syscall is denied (by a rule, or in an allowlist by the default action because it is not listed) while a sibling that does the same job stays allowed, so programs (or their C library) reach the same effect through the sibling: the classic "blocked chmod, but coreutils calls fchmodat". ENOSYS, obsolete calls and siblings the target cannot use are left alone.
lint-about-enosys-fallback = A rule fails a syscall with ENOSYS, which tells programs the call does not exist, so they fall back to a sibling that is allowed; fine when steering is the point.
lint-about-dangerous-allow = A high-risk syscall is allowed with no argument condition. Where the kernel lets only a capability holder do harm with it, this is a note when the target lacks that capability.
lint-about-no-op-profile = The default action allows and no rule stops anything, so the filter filters nothing.
lint-about-exec-blocked = Runtimes load the filter and then execve the container's program, so a profile that blocks execve stops every container before it starts.
lint-about-startup-missing = A default-deny profile does not allow calls that every dynamically linked program makes before main (loading its libraries, setting up memory and thread state), so the program dies at start.
lint-about-default-kill = The default action kills: a syscall added by a newer kernel or C library, which programs probe and fall back from on ENOSYS, kills the program instead.
lint-about-shadowed-rule = A rule never decides some of its syscalls because another rule decides them first (the first rule without argument conditions wins).
lint-about-duplicate-name = A syscall is named again where another rule, or the same one, already gives it the same action; the repeat adds nothing.
lint-about-conflicting-rules = Two rules test a syscall with the same conditions but different actions: libseccomp refuses the filter, so the container does not start.
lint-about-pointer-argument = A condition compares a pointer argument: the filter sees only the address, never the data it points to.
lint-about-missing-argument = A condition tests an argument the syscall does not take; the register holds whatever the caller left there.
lint-about-repeated-argument = Several conditions on one argument index in one rule: runc makes each a rule of its own, so they OR instead of AND.
lint-about-sign-extension = A condition compares an int argument with a negative value or one at or above 2^31 (AT_FDCWD, -1): callers pass such values sign-extended to 64 bits or not, depending on the C library and compiler, so an exact comparison misses one of the two forms.
lint-about-high-bits-32 = A comparison uses bits above 32 on a profile that includes a 32-bit architecture: libseccomp compiles only the low word there, so the high bits are ignored and the test means something else.
lint-about-twin-open = A rule covers a syscall on 64-bit architectures while the filter also accepts a 32-bit (or x32) ABI whose twin of that call (chown32, fcntl64, ...) stays allowed.
lint-about-multiplexer-bypass = Argument rules on socket or System V IPC calls are bypassed on 32-bit architectures where the socketcall or ipc multiplexer is allowed: it reaches the same calls with arguments the filter cannot see.
lint-about-clone3-open = clone3 is allowed in a profile that filters clone's flags: clone3's flags live in memory the filter cannot read, so it creates whatever clone was kept from creating.
lint-about-kill-thread = SCMP_ACT_KILL kills only the calling thread; the rest of the process goes on.
lint-about-notify-without-listener = SCMP_ACT_NOTIFY without listenerPath: runc refuses to start the container.
lint-about-errno-zero = An errno of 0 makes the call return 0 although the kernel did nothing.
lint-about-not-on-arch = A rule names a syscall none of the filter's architectures has, so runc skips it.
lint-about-runtime-unknown-name = A rule names a syscall the target runtime's libseccomp cannot resolve: runc and crun skip the name, so the rule does not apply to it and the call gets runc's -ENOSYS stub or the default action.
lint-about-enosys-stub = runc puts a stub before the filter that answers ENOSYS for every syscall number above the largest the profile names, so programs fall back from calls newer than the profile instead of meeting the default action.
lint-about-arch-never-matches = includes/excludes name an architecture in a spelling runc never matches (it compares Go names such as amd64 and 386).
lint-about-default-action-rule = A rule has the default action, so runc skips it and it adds nothing.
lint-about-empty-rule = A rule names no syscall.
lint-about-unknown-syscall = A rule names a syscall no architecture has: runc skips a name its libseccomp cannot resolve (it logs a debug line and goes on), so the rule silently does nothing for it.
lint-about-errno-ignored = errnoRet on an action that does not use it.
lint-about-errno-out-of-range = An errno outside what runc keeps: it keeps only the low 16 bits, so the call gets another errno.
lint-about-errno-refused = An errno libseccomp refuses (above 4094 once runc has kept its low 16 bits): runc cannot load the profile, so the container does not start.
lint-about-errno-mismatch = defaultErrno and defaultErrnoRet disagree.
lint-about-value-two-ignored = valueTwo on an operator other than SCMP_CMP_MASKED_EQ has no effect.
lint-about-unknown-capability = A capability name runc does not know never matches.
lint-about-unknown-key = A key runc does not know is ignored.
lint-about-duplicate-key = A key given twice: runc reads only the last.
lint-about-translation = The compiled filter returns something other than what the profile means for a concrete call (libseccomp's low-word comparisons on 32-bit ABIs, mis-ordered OR'ed ranges).
lint-about-filter-too-long = The filter needs more instructions than the kernel takes (4,096): runc cannot load it, so the container does not start.
lint-about-backup-available = The file does not load, but its backup (FILE~, written before a save in place) holds an earlier version that does: a save may have been cut short.
lint-about-invalid = Docker rejects the profile until this is fixed.

# The findings, their help lines and their fixes.
lint-enosys-fallback = { $path } fails { $blocked } with ENOSYS, which tells programs the call does not exist, so they fall back to other calls for the same job: { $allowed } { $n ->
    [one] is
   *[other] are
} allowed by { $places }
lint-enosys-fallback-help = nothing to do if steering programs to those calls is the point (as Docker does with clone3); otherwise block them too
lint-incomplete-block = { $path } blocks { $blocked } with { $action }, but { $allowed } { $n ->
    [one] does
   *[other] do
} the same job ({ $families } { $families_n ->
    [one] family
   *[other] families
}) and { $n ->
    [one] is
   *[other] are
} allowed by { $places }
lint-not-even-exist = ; { $names } { $n ->
    [one] does
   *[other] do
} not even exist on { $arches }
lint-incomplete-block-help = block { $allowed } too: add { $n ->
    [one] it
   *[other] them
} to { $path }.names
lint-incomplete-block-help-allowing = block { $allowed } too: add { $n ->
    [one] it
   *[other] them
} to { $path }.names and take { $n ->
    [one] it
   *[other] them
} out of { $rules }
lint-fix-deny-with = deny { $names } with { $action }
lint-fix-block-with = block { $names } with { $action }
lint-dangerous-allow = { $path } allows { $name } with no argument condition; it is high risk: { $reason }
lint-dangerous-allow-gated = { $path } allows { $name } ({ $gate }) with no argument condition; it is high risk: { $reason }
lint-dangerous-allow-no-cap = { $path } allows { $name } (it needs { $cap } to do harm, which the target does not hold) with no argument condition; it is high risk: { $reason }
lint-gate-caps = only with { $caps }
lint-gate-kernel = only on kernel { $kernel } or later
lint-gate-caps-kernel = only with { $caps } on kernel { $kernel } or later
lint-dangerous-allow-help = allow { $name } only if the workload needs it, and then with argument conditions or behind includes.caps
lint-dangerous-default = defaultAction { $action } lets { $n } high-risk { $n ->
    [one] syscall
   *[other] syscalls
} through that no rule names: { $names }
lint-dangerous-default-help = deny them in a rule with SCMP_ACT_ERRNO, or turn the profile into an allowlist (defaultAction SCMP_ACT_ERRNO)
lint-no-op-profile = defaultAction is { $action } and no rule stops anything on this target, so the profile filters nothing
lint-no-op-profile-help = deny what the workload must not do, or start from an allowlist such as Docker's default profile
lint-exec-blocked = execve gets { $action } from { $origin }, but runtimes such as runc load the filter before they execve the container's program, so it cannot start
lint-exec-blocked-help = allow execve; the runtime needs it to start the program
lint-kill-thread = { $path } uses SCMP_ACT_KILL, which kills only the calling thread: the rest of the process goes on, possibly holding locks the dead thread took
lint-kill-thread-help = write SCMP_ACT_KILL_PROCESS to stop the whole process, or SCMP_ACT_KILL_THREAD if one thread is really meant
lint-fix-kill-process = make { $path } SCMP_ACT_KILL_PROCESS
lint-notify-without-listener = { $path } uses SCMP_ACT_NOTIFY, but the profile has no listenerPath: runc refuses to start the container, and a filter loaded with no supervisor fails these calls with ENOSYS
lint-notify-without-listener-help = set listenerPath to the socket of the seccomp agent, or choose another action
lint-errno-zero = { $path } fails calls with errno 0, so they return 0: the program believes the call succeeded although the kernel did nothing
lint-errno-zero-help = use a real errno such as EPERM (1) or ENOSYS (38); keep 0 only to fake success on purpose
lint-twin-open = { $path } blocks { $blocked } with { $action }, but 32-bit programs on { $arches } call { $open } instead, which { $n ->
    [one] is
   *[other] are
} allowed
lint-twin-open-help = block { $names } too, or drop the 32-bit architectures
lint-multiplexer-bypass = { $names } { $n ->
    [one] is
   *[other] are
} filtered by { $path } and later rules, but on { $arches } { $mux } is allowed and reaches { $n ->
    [one] it
   *[other] them
} with arguments in memory, which the filter cannot see
lint-multiplexer-bypass-help = deny { $mux } (C libraries fall back to the direct calls), or drop the 32-bit architectures
lint-high-bits = { $path } compares argument { $index } of { $names } with { $value }, which has bits above 32, and the filter covers { $arches }: libseccomp compiles only the low word on 32-bit ABIs, so { $low }
lint-high-bits-mask = the mask keeps no bit of the low word there, so the test matches every call
lint-high-bits-tests = it tests { $value } there
lint-high-bits-help = keep comparisons within 32 bits, or limit the filter to 64-bit architectures
lint-sign-extension = { $path } compares argument { $index } of { $names } ({ $arg }: { $ty }) with { $value }, which is { $int } as an int; callers pass it as { $value } or as { $other } depending on the C library and compiler, so { $op } misses the other form
lint-sign-extension-help = compare the low 32 bits only: SCMP_CMP_MASKED_EQ with value (the mask) 0xffffffff and valueTwo the 32-bit value
lint-fix-low-32-bits = compare the low 32 bits of argument { $index } in { $path } (MASKED_EQ 0xffffffff)
lint-siblings-left-open = { $denied } denied, but { $open } still { $n ->
    [one] does
   *[other] do
} the same job: { $key } denies { $n ->
    [one] it
   *[other] them
} too
lint-fix-deny-like = deny { $names } like { $like }
lint-default-gap = { $name } is denied by defaultAction { $action }, but { $siblings } { $n ->
    [one] does
   *[other] do
} the same job ({ $families } { $families_n ->
    [one] family
   *[other] families
}) and { $n ->
    [one] is
   *[other] are
} allowed by { $places }, so denying { $name } stops nothing a program cannot do through { $n ->
    [one] it
   *[other] them
}
lint-default-gap-help = deny { $siblings } the same way: take { $n ->
    [one] it
   *[other] them
} out of { $paths } (nothing else changes); or allow { $name } if the workload needs the job done
lint-fix-default-gap = deny { $siblings } like { $name }: take { $n ->
    [one] it
   *[other] them
} out of { $paths }
lint-not-on-arch = { $path } names { $names }, which none of the filter's architectures ({ $arches }) has; runc skips { $n ->
    [one] it
   *[other] them
}
lint-not-on-arch-help = name the call these architectures use instead (seccompose syscalls --arch A lists them), or limit the rule with includes.arches
lint-fix-go-names = write the Go architecture names in { $path }
lint-pointer-argument = { $path } compares argument { $index } of { $names } ({ $arg }: { $ty }), a pointer: the filter sees only the address, never the data it points to
lint-pointer-argument-help = seccomp cannot filter by path or by any pointed-to data; drop the condition and restrict paths with Landlock, AppArmor/SELinux or mounts
lint-missing-argument = { $path } tests argument { $index } (counting from 0), but { $takes }: the register holds whatever the caller left there
lint-takes-arguments = { $name } { $n ->
    [0] takes no arguments
   *[other] takes { $n }
}
lint-missing-argument-help = check the index against the signature (seccompose man { $name })
lint-repeated-argument = { $path } has several conditions on { $args }; runc makes each of them a rule of its own, so they OR (any one holding is enough) instead of AND
lint-argument-named = argument { $index } ({ $name })
lint-repeated-argument-help = to require all, fold them into one SCMP_CMP_MASKED_EQ or split the range across rules; if OR is meant, write one rule per condition
lint-shadowed-default = { $path } gives { $names } the default action { $mine }, which runc skips, so { $n ->
    [one] it keeps
   *[other] they keep
} { $theirs } from { $other }
lint-shadowed-default-help = remove { $names } from { $other } to leave { $n ->
    [one] it
   *[other] them
} to the default action
lint-names-again = { $path } names { $names } again: { $other } already gives { $n ->
    [one] it
   *[other] them
} { $theirs } with no condition
lint-conditions-add-nothing = the argument conditions of { $path } add nothing for { $names }: { $other } already gives { $n ->
    [one] it
   *[other] them
} { $theirs } with no condition
lint-remove-from = remove { $names } from { $path }
lint-remove-from-help = remove { $names } from { $path }
lint-shadowed-rule = { $path } gives { $names } { $mine }, but the earlier { $other } gives { $n ->
    [one] it
   *[other] them
} { $theirs }; the first rule without argument conditions wins, so this one never applies to { $n ->
    [one] it
   *[other] them
}
lint-shadowed-rule-help = remove { $names } from { $other } if { $mine } is meant, else from { $path }
lint-shadowed-conditions = the argument conditions of { $path } never apply to { $names }: { $other } gives { $n ->
    [one] it
   *[other] them
} { $theirs } with no condition, which overrides conditional rules
lint-shadowed-conditions-help = remove { $names } from { $other } so that the conditions decide, or from { $path }
lint-listed-twice = { $path }.names lists { $names } more than once
lint-remove-repeats = remove the repeats
lint-fix-list-once = list { $names } once in { $path }
lint-repeats-condition = { $path } repeats a condition of { $earlier } for { $names }, with the same action
lint-conflicting-rules = { $earlier } and { $path } test { $names } with the same conditions but different actions ({ $first } and { $second }): libseccomp refuses the filter, so the container does not start
lint-conflicting-rules-help = keep { $names } in only one of the two rules
lint-runtime-unknown-name = { $path } names { $names }, which { $runtime }'s libseccomp { $libseccomp } cannot resolve: { $runtime } skips { $n ->
    [one] it, so the rule does not apply to it
   *[other] them, so the rule does not apply to them
}
lint-runtime-unknown-name-newer = { $path } names { $names }, which { $runtime }'s libseccomp { $libseccomp } cannot resolve (libseccomp knows { $newer }): { $runtime } skips { $n ->
    [one] it, so the rule does not apply to it
   *[other] them, so the rule does not apply to them
}
lint-known-from = { $name } from { $version }
lint-runtime-unknown-name-help = run the profile where the runtime's libseccomp is new enough, or judge it for that host with --libseccomp X.Y.Z
lint-enosys-stub = under runc, syscalls newer than the profile's newest name get ENOSYS from runc's stub, not the default action: { $limits }
lint-stub-from = from { $first } on { $arch } (above { $name }, { $nr })
lint-enosys-stub-help = programs fall back from ENOSYS; name a newer call in the profile to move the limit
lint-startup-missing = defaultAction { $action } stops { $names }, which every dynamically linked program calls before main (loading its libraries, setting up memory) or to exit, and no rule allows { $n ->
    [one] it
   *[other] them
}: programs die at start
lint-allow = allow { $names }
lint-allow-help = allow { $names }
lint-default-kill = defaultAction { $action } kills the program at any call no rule allows, including calls a newer kernel or C library adds and probes for (glibc tries clone3, rseq, close_range, faccessat2 and falls back when they fail with ENOSYS)
lint-default-kill-help = make defaultAction SCMP_ACT_ERRNO with defaultErrnoRet 38 (ENOSYS), and kill only the calls that must never happen, in rules
lint-fix-default-enosys = make defaultAction SCMP_ACT_ERRNO with ENOSYS
lint-clone3-open = { $path } tests the flags of clone, but clone3 gets { $action } from { $origin }: its flags are in a struct in memory, which the filter cannot read, so clone3 creates what clone may not
lint-clone3-open-help = fail clone3 with ENOSYS (as Docker's default profile does): C libraries then fall back to clone
lint-fix-clone3-enosys = fail clone3 with ENOSYS
lint-filter-too-long-help = compare fewer values (a MASKED_EQ or a range covers many), or split the work among fewer syscalls
lint-translation-help = the kernel will do what the filter says: change the rule (a MASKED_EQ on the low 32 bits, ranges that do not overlap) until `seccompose compile` reports no difference

# check's diagnostics: the hint lint adds to each.
lint-help-duplicate-key = keep one of the keys; runc reads only the last
lint-help-unknown-key = correct the spelling: runc ignores keys it does not know
lint-help-errno-range = use an errno below 4095, such as EPERM (1) or ENOSYS (38)
lint-help-errno-mismatch = make defaultErrno and defaultErrnoRet agree, or drop defaultErrno
lint-help-value-two-ignored = drop valueTwo, or use SCMP_CMP_MASKED_EQ if a mask was meant
lint-help-unknown-capability = write the capability as a CAP_* name, such as CAP_SYS_ADMIN
lint-help-go-names = use the Go names runc compares: amd64, 386, arm64, arm, ...
lint-help-errno-ignored = drop errnoRet, or use SCMP_ACT_ERRNO if the call should fail with it
lint-help-default-action-rule = remove the rule, or give it an action other than the default action
lint-help-empty-rule = add the syscall names it is meant for, or remove it
lint-help-unknown-syscall = correct the spelling: runc skips a name its libseccomp cannot resolve, so the rule silently does nothing for it
lint-help-see-check = see `seccompose check`
lint-help-invalid = Docker rejects the profile until this is fixed
lint-fix-remove-rule = remove { $path }
lint-fix-drop-errno-ret = drop errnoRet from { $path }

# View 4 and lint --fix's report.
lint-key-fix = { $key } fix: { $fix }
lint-key-go-to = { $key } go to { $name }
lint-help-label = Help:
lint-still-looking = Lint is still looking at the latest edit
lint-no-fix = No automatic fix for { $id }: { $help }
lint-names-no-syscall = This finding names no syscall
lint-report-nothing-to-fix = { $file }: nothing to fix
lint-report-fixed = { $file }: fixed[{ $id }]: { $fix }
lint-report-would-fix = { $file }: would fix[{ $id }]: { $fix }

# Edit labels: what an edit does, for undo/redo and the status line.
edit-done = { $edit }
edit-set-action = set { $name } to { $action }
edit-set-action-default = set { $name } to the default action
edit-set-actions = set { $n } syscalls to { $action }
edit-set-actions-default = set { $n } syscalls to the default action
edit-set-conditions = change the conditions of { $name }
edit-add-rule = add a rule
edit-remove-rule = remove rule { $index }
edit-change-rule = change rule { $index }
edit-set-default = set the default action to { $action }
edit-set-architectures = change the architectures
edit-set-arch-map = change the architecture map
edit-set-flags = change the flags
edit-replace-all = replace the whole profile
edit-allow-recorded = allow the recorded calls of { $n } { $n ->
    [one] syscall
   *[other] syscalls
}


## Reading a profile: check's diagnostics (Text from crates/core/src/profile).
# (ids begin with load-)

# The kinds of JSON value, as "found ..." names them.
load-kind-string = a string
load-kind-number = a number
load-kind-boolean = a boolean
load-kind-object = an object
load-kind-array = an array
load-kind-null = null

# Reading the JSON text.
load-not-utf8 = the file is not valid UTF-8: byte { $byte } at offset { $offset }
load-empty-file = the file is empty: expected a JSON object with at least "defaultAction"
load-byte-order-mark = the file starts with a UTF-8 byte-order mark (bytes EF BB BF), which Docker and runc reject: save it as UTF-8 without BOM
load-trailing-comma = invalid JSON: a trailing comma (JSON allows no comma before the closing ] or {"}"}, and Docker rejects it): remove it
load-invalid-json = invalid JSON: { $detail }
load-json-eof-list = EOF while parsing a list
load-json-eof-object = EOF while parsing an object
load-json-eof-string = EOF while parsing a string
load-json-eof-value = EOF while parsing a value
load-json-expected-colon = expected `:`
load-json-expected-comma-list = expected `,` or `]`
load-json-expected-comma-object = expected `,` or `{"}"}`
load-json-expected-value = expected value
load-json-key-not-string = key must be a string
load-json-trailing-characters = trailing characters
load-json-invalid-number = invalid number
load-json-invalid-escape = invalid escape
load-no-json-value = the file holds no JSON value

# The profile's fields.
load-not-a-profile = the document is { $found }, but a seccomp profile is a JSON object with "defaultAction"
load-duplicate-key = duplicate key "{ $key }" at { $path }: the last one wins
load-unknown-key = unknown key "{ $name }" at { $path }: did you mean "{ $close }"? (kept as an unknown field)
load-not-object = { $path } must be an object, found { $found }
load-not-string = { $path } must be a string, found { $found }
load-not-array = { $path } must be an array, found { $found }
load-not-u64 = { $path } must be an unsigned 64-bit integer, found { $value }
load-not-unsigned = { $path } must be an unsigned integer, found { $found }
load-missing-key = { $path } has no "{ $key }"
load-unknown-errno = { $path } is "{ $name }", which is not an errno name (such as EPERM or ENOSYS)
load-unknown-errno-close = { $path } is "{ $name }", which is not an errno name; did you mean "{ $close }"?
load-unknown-action = unknown action "{ $name }" at { $path }; valid actions: { $valid }
load-unknown-arch = unknown architecture "{ $name }" at { $path }; valid architectures: { $valid }
load-unknown-flag = unknown flag "{ $name }" at { $path }; valid flags: { $valid }
load-arches-and-arch-map = "architectures" and "archMap" cannot be used together (Docker rejects the profile)
load-no-default-action = missing "defaultAction": every profile needs the action for syscalls no rule matches
load-errno-mismatch = defaultErrno "{ $name }" disagrees with defaultErrnoRet { $ret }; runc uses defaultErrnoRet
load-name-and-names = { $path } has both "name" and "names"; use one (Docker rejects both together)
load-unknown-syscall = unknown syscall "{ $name }" at { $path }: no architecture has it, so runc skips the name (a debug log line, no error) and the rule does nothing for it
load-unknown-syscall-close = unknown syscall "{ $name }" at { $path }: no architecture has it, so runc skips the name (a debug log line, no error) and the rule does nothing for it; did you mean "{ $close }"?
load-arg-index = { $path } is { $index }, but syscalls have arguments 0..5
load-unknown-operator = unknown operator "{ $name }" at { $path }; valid operators: { $valid }
load-value-two-ignored = { $path }.valueTwo is ignored by { $op }; only SCMP_CMP_MASKED_EQ uses it
load-unknown-capability = unknown capability "{ $name }" at { $path }; it never matches
load-not-kernel-version = { $path } is "{ $value }", not a kernel version such as "5.8"

# What runc makes of the rules and of errno values.
load-errno-ignored = { $path }.errnoRet has no effect on { $action }; only SCMP_ACT_ERRNO and SCMP_ACT_TRACE use it
load-default-action-rule = { $path } has the default action { $action }, so it adds nothing
load-empty-rule = { $path } names no syscall, so it has no effect
load-arch-never-matches = architecture "{ $name }" at { $path } never matches; runc compares Go names such as { $names }
load-arch-never-matches-write = architecture "{ $name }" at { $path } never matches; runc compares Go names, so write "{ $go }"
load-errno-wraps-to = runc keeps only its low 16 bits, so it becomes { $data }
load-errno-wraps-to-zero = runc keeps only its low 16 bits, so it becomes 0 (ERRNO(0): the call does not run, yet reports success)
load-errno-wrapped = { $what } is { $value }: { $wrap }
load-errno-refused = { $what } is { $value }: libseccomp refuses errno values above { $max }, so runc cannot load this profile and the container will not start
load-errno-wrapped-and-refused = { $what } is { $value }: { $wrap }, and libseccomp refuses errno values above { $max }, so runc cannot load this profile and the container will not start

# Other file formats, and the backup of a file that does not load.
load-backup-available = { $backup } holds a complete earlier version that reads without errors (a save may have been cut short): `cp '{ $backup }' '{ $file }'` brings it back
load-systemd-not-read = systemd unit settings can be written but not read: convert from the JSON profile
load-oci-not-object = an OCI runtime configuration is a JSON object
load-oci-no-linux = this runtime configuration has no "linux" object, so no seccomp profile
load-oci-linux-not-object = "linux" is not an object
load-oci-no-seccomp = "linux" has no "seccomp" object: the container runs without a seccomp profile
load-spo-none = no SeccompProfile manifest (kind: SeccompProfile) in the file
load-spo-no-such-name = no SeccompProfile named "{ $name }"; the file has: { $names }
load-spo-api-version = apiVersion "{ $api }" is not the Security Profiles Operator's ({ $expected })
load-spo-no-spec = SeccompProfile "{ $name }" has no spec
load-spo-base-profile = baseProfileName: the operator adds the base profile's rules when it installs this one; only this spec's own rules are read here
load-invalid-yaml = invalid YAML: { $detail }
load-yaml-key-not-string = a mapping key is not a plain string
load-yaml-node-unreadable = this YAML node (an alias or a bad value) cannot be read here

# Compiling: names the runtime skips, architectures libseccomp cannot build.
load-compile-unknown-syscall = { $path }: unknown syscall "{ $name }" is skipped, as runc skips it
load-compile-arch-left-out = libseccomp cannot build filters for { $arch }; it is left out

# Where check and the editor show them.
load-cannot-read = cannot read the file: { $error }
load-loaded-with = Loaded with { $n ->
        [one] 1 warning
       *[other] { $n } warnings
    }; first at { $line }:{ $col }: { $message }

# Inputs that are not read at all.
load-input-not-a-file = it is { $what }, not a file (seccompose reads regular files and pipes)
load-input-folder = a folder
load-input-char-device = a character device
load-input-block-device = a block device
load-input-socket = a socket
load-input-too-large = it is larger than { $mib } MiB, too large for a seccomp profile

# fmt: what it says about each file.
load-fmt-not-canonical = not in canonical form (run `seccompose fmt` on it)
load-fmt-formatted = formatted
load-fmt-read-only = { $error }; `fmt --force` replaces it
load-fmt-reading = reading { $file }
load-fmt-writing = writing { $file }


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
cli-doctor-tracing-consequence = observed runs cannot watch TRAP and KILL stops, so a profile that can TRAP or KILL runs in enforce mode only
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

# What a format cannot express of a profile (convert and usage; the unit file keeps English).
spo-limit-default-errno = defaultErrnoRet { $errno }: the operator has no default errno (its runtime returns EPERM)
spo-limit-notify-default = SCMP_ACT_NOTIFY as the default action
spo-limit-arch = architecture { $arch }
spo-limit-flag = flag { $flag }
spo-limit-errno-zero = syscalls[{ $index }].errnoRet 0: the operator reads 0 as unset (EPERM)
spo-limit-errno-above = syscalls[{ $index }].errnoRet { $errno }: above { $max }
spo-limit-signed = syscalls[{ $index }].args[{ $arg }]: a value above 2^63-1 (the operator's values are signed)
systemd-argument-rules = { $name }: { $treatment } (argument rules; systemd gives every call { $otherwise })
systemd-default-errno-zero = the default returns 0 (ERRNO(0)); systemd's error numbers start at 1
systemd-default-kill-thread = the default kills the thread; systemd kills the whole process
systemd-default-no-equivalent = the default { $action } has no systemd equivalent; systemd kills the process instead
systemd-log = { $name }: SCMP_ACT_LOG; systemd allows it without logging
systemd-allow-list-default = { $name }: { $verdict }; in an allow list systemd gives it the default ({ $default })
systemd-implicit-default = systemd always allows its @default set in an allow list, so these are allowed too: { $names }
systemd-default-logs = the default logs every call; systemd allows without logging
systemd-errno-zero = { $name }: ERRNO(0) (fails with 0); systemd's error numbers start at 1, so it is allowed
systemd-kills-instead = { $name }: { $verdict }; systemd kills the process instead

# Values typed in the editor's forms and explain's calls.
value-empty = empty value
value-too-large = "{ $text }" is not a number that fits 64 bits
value-not-a-number = "{ $text }" is not a number (decimal, 0x hex, 0o octal or 0b binary, up to 2^64-1)
value-unknown-constant = unknown constant "{ $name }"
value-unknown-constant-in = unknown constant "{ $name }" (not in { $set } or any other set)
value-unknown-errno = unknown errno "{ $text }" (try EPERM, EACCES or a number)
value-unknown-errno-close = unknown errno "{ $text }": did you mean { $close }?
value-errno-too-large = errno { $errno } is above the kernel's limit of 4095

# Errors for people (the engine's; a script reads the exit status).
err-no-such-rule = there is no rule { $index }
err-not-in-rule = rule { $index } does not name { $name }
err-bad-errno = errno { $errno } is outside 0..4095
err-read-only = { $file } is read-only (mode { $mode }); it was not changed
err-unknown-capability = unknown capability "{ $cap }"
err-unknown-lint-id = `{ $id }` is not the id of any kind of finding
err-config-not-json = the configuration is not valid JSON: { $why }
err-config-not-object = the configuration is not a JSON object
err-linux-not-object = the configuration's "linux" is not an object
err-patched-unreadable = the patched configuration does not read back: { $why }
err-patched-without-profile = the patched configuration does not hold the profile
err-patched-too-much = patching changed more than linux.seccomp
err-profile-gone = the file no longer has a SeccompProfile named "{ $name }"
err-no-such-profile = the file has no SeccompProfile named "{ $name }"
err-no-spec = the SeccompProfile has no spec
err-spec-off-the-file = the spec key is not on a line of the file
err-spec-not-object = a profile is a JSON object
err-not-plain-json = the configuration is not plain JSON: { $why }
err-manifests-not-written = the manifests could not be written again: { $why }
err-would-lose-content = the profile cannot be written back into this file without losing its other content ({ $why }); nothing was written: save it as a new file instead
err-disk-same = the file is as it was read
err-disk-changed = the file was changed on disk since it was opened
err-disk-appeared = a file of that name was created since the document was started
err-disk-gone = the file was removed from disk since it was opened
err-no-command = no command to run
err-cannot-run = cannot run { $why }
err-start-failed = { $why }: the command was not run

# The compiler's refusals (libseccomp's own words stay as they are).
compile-rejected = libseccomp rejected { $what }: { $message }
compile-failed = libseccomp failed to { $step }: { $message }
compile-too-long = the filter has { $n } instructions, more than the kernel's limit of 4096
compile-at-least-too-long = the filter would have at least { $n } instructions, more than the kernel's limit of 4096 (each value compared is a jump of its own)

# Why a command cannot be started (the sandbox's words; exit 127 or 126).
run-nul-byte = { $arg }: an argument holds a NUL byte
run-no-such-file = { $path }: no such file
run-cannot-look = { $path }: { $error }
run-is-a-directory = { $path }: is a directory
run-not-executable = { $path }: not executable ({ $error })
run-empty-name = the command name is empty
run-not-in-path = { $name }: command not found in PATH
run-container-no-such-file = { $program }: no such file in the container ({ $root })
run-container-not-in-path = { $program }: command not found in the container's PATH ({ $root })

## The editor, more: view 2's header, the rule form, proposals, replay, stops and edits.
# (ids begin with ed-)

# View 2's header.
ed-bpf-built-in = built-in profile
ed-bpf-at = at { $line }:{ $col }
ed-bpf-instructions = { $n } instructions
ed-bpf-for = for { $arches } · { $layout }
ed-bpf-linear = linear
ed-bpf-tree = binary tree
ed-bpf-reachable = { $n } reachable on { $arch }
ed-bpf-per-call = Per { $arch } call:
ed-bpf-min = min { $n } ({ $name })
ed-bpf-median = median { $n }
ed-bpf-max = max { $n } ({ $name })
ed-bpf-instructions-run = instructions run
ed-bpf-no-costs = The catalog has no syscall numbers for { $arch }, so no costs.
ed-bpf-own-block = + { $first }-{ $last }: seccompose's own block, for calls the installed libseccomp does not know
ed-bpf-more-warnings = and { $n } more (seccompose compile lists them all)
ed-bpf-differs = the filter differs from the profile: { $what }
ed-bpf-more-differences = and { $n } more differences (seccompose compile lists them all)
ed-bpf-explain = Explain
ed-bpf-follow = Follow
ed-bpf-nothing-selected = no syscall is selected in view 1 (e explains a call you type)
ed-bpf-follow-off = off (f follows the syscall selected in view 1, e explains a call you type)
ed-bpf-on-abi = on { $abi }
ed-bpf-stub-above = by runc's -ENOSYS stub: { $nr } is above { $last }, { $name }, the newest name the runtime resolves for { $arch }
ed-bpf-stub = by runc's -ENOSYS stub
ed-bpf-default-skipped = by the default action (the runtime skips syscalls[{ $index }]: its libseccomp cannot resolve { $name })
ed-bpf-bad-arch = by the bad-architecture action (no { $arch } section)
ed-bpf-default = by the default action
ed-bpf-by-rule = by { $rule }
ed-bpf-run = { $n } instructions run
ed-bpf-compiling = Compiling…
ed-bpf-previous = (below, dimmed: the filter before the last change)
ed-bpf-no-compile = The profile does not compile for { $arch }, so there is no filter to show:
ed-bpf-comes-back = The listing comes back as soon as the profile compiles again (u undoes the last edit).

# View 2's renderings and the layouts compared.
ed-bpf-what-disassembly = disassembly
ed-bpf-what-pfc = libseccomp's PFC (without seccompose's own block)
ed-bpf-what-json = JSON as Ctrl-s writes it
ed-bpf-rule-range = { $first }-{ $last } of { $len }
ed-bpf-rule-lines = { $len } lines
ed-bpf-rule-find = find "{ $query }" (n/N)
ed-cmp-comparing = Comparing the layouts…
ed-cmp-traced-call = the traced call
ed-cmp-instructions = instructions
ed-cmp-run-by = run by { $name }
ed-cmp-spread = min / median / max on { $arch }
ed-cmp-layout = layout
ed-cmp-why = { $active } active rules: runc uses the { $choice } (the tree above { $above }); L hides this
ed-cmp-failed = The layouts do not compile: { $why }

ed-bpf-title-pfc = BPF · PFC
ed-bpf-title-json = BPF · JSON
ed-bpf-explaining = Explaining { $call } (esc goes back to following)
ed-bpf-abi-own = Calls are made in the { $abi } ABI (the target's own)
ed-bpf-abi-other = Calls are made in the { $abi } ABI (a { $abi } process under the { $host } host's filter)
ed-bpf-following-on = Following the selected syscall: on
ed-bpf-following-off = Following the selected syscall: off
ed-explain-args-0 = { $name }, args 0
ed-explain-on = explain on { $abi }
ed-explain-keys = tab completes · enter explains · esc closes

# The rule editor and its form.
ed-rules-title = Rules for { $name }
ed-rules-which-decides = The first active rule without conditions decides; rules with conditions decide when they match.
ed-rules-none = No rule names { $name }: it gets the default action.
ed-rules-shared = shared with { $n } more
ed-rules-inactive = inactive: { $why }
ed-form-edit = Edit rule for { $signature }
ed-form-new = New rule for { $signature }
ed-form-action = Action
ed-form-errno = Errno
ed-form-if = If
ed-form-and = and
ed-form-no-conditions = No conditions: the rule applies to every call.
ed-form-values = Values: 42, 0x2a, 0o52, 0b101010, or constants like O_RDONLY|O_CLOEXEC.
ed-form-no-arguments = { $name } takes no arguments to compare
ed-form-pointer = { $arg } is a pointer: the filter sees only the address, never the data it points to.
ed-form-repeated = { $arg } is used in more than one condition: runc makes separate rules of them, so they OR (any one matching is enough) instead of AND.

# View 1: rules in words, the list, the risk, the actions' meanings.
ed-rule-if = if { $conditions }
ed-rule-and = and
ed-filter-needs-cap = needs { $cap }
ed-filter-only-on = only on { $arches }
ed-filter-needs-kernel = needs kernel { $kernel }+
ed-filter-not-with-cap = not with { $cap }
ed-filter-not-on = not on { $arches }
ed-filter-not-from-kernel = not from kernel { $kernel }
ed-detail-new-action = New: { $action } — { $meaning }.
ed-risk-badge-low = low
ed-risk-badge-medium = med
ed-risk-badge-high = HIGH
ed-risk-low = low
ed-risk-medium = medium
ed-risk-high = high
ed-list-marked = { $n } marked
ed-list-nothing-matches = nothing matches
ed-no-siblings-left = No deny just left a same-job sibling allowed
ed-action-allow = the call runs as if there were no filter
ed-action-errno = the call does nothing and fails with the given errno
ed-action-kill-process = the whole process is killed at once, as by SIGSYS, with a core dump
ed-action-kill-thread = only the calling thread is killed; the rest of the process goes on
ed-action-trap = the thread gets SIGSYS, which a handler can catch to emulate the call
ed-action-log = the call runs, and the kernel logs it to the audit log
ed-action-trace = a ptrace tracer is told and decides; without one the call fails with ENOSYS
ed-action-notify = a supervisor process listening on the notify fd decides what happens

# The tabs, and what an unsaved document began as.
ed-view-syscalls = Syscalls
ed-view-bpf = BPF
ed-view-run = Run
ed-view-lint = Lint
ed-view-settings = Profile
ed-began-builtin = built-in default
ed-began-starter = starter { $name }
ed-began-lesson = lesson { $n }

# View 3: stops, their places, replay.
ed-place-line = line { $line }:{ $col }
ed-place-default = default
ed-place-start-up = { $runtime } start-up
ed-or = or
ed-and-more = and { $n } more
ed-stop-allowed-now = The draft allows { $name } now (changed since this run): { $key } runs again under it.
ed-stop-may-try = When { $name } fails, a program may try { $others } next, which the draft allows.
ed-stop-keys = { $allow } allow { $name } · { $rules } rule editor · { $again } run again
ed-replay-judging = Judging the last recorded run (`{ $command }`) against this draft…
ed-replay-no-compile = The draft does not compile, so the last recorded run cannot be judged: { $why }
ed-replay-no-stop = With this draft the last recorded run (`{ $command }`) would run without a stop ({ $n } distinct calls judged).
ed-replay-stopped = With this draft the last recorded run (`{ $command }`) would now be stopped at { $n } calls: { $names }
ed-run-the-profile = the profile
ed-run-no-compile = The draft does not compile, so nothing ran: { $why }

# View 3: the proposal after a recording.
ed-proposal-unseen = Not called this run, but doing the job of calls it made (another libc or an error path may use them; not added): { $names }
ed-proposal-only-by-name = { $name }: only by name: { $why }
ed-proposal-nothing-accepted = Nothing accepted: the profile is unchanged
ed-proposal-no-compile = No proposal: the draft does not compile: { $why }
ed-proposal-all-allowed = Recorded: the draft already allows every call the command made, with its arguments ({ $n } distinct calls judged)
ed-proposal-nothing-left = The draft now allows every recorded call: nothing left to propose
ed-proposal-working = The proposal is being worked out for this draft
ed-proposal-every-call = every call (by name)
ed-proposal-judging = Judging every recorded call against this draft…
ed-proposal-title = Proposal: allow { $accepted } of { $n ->
    [one] { $n } syscall
   *[other] { $n } syscalls
} the draft would stop
ed-proposal-held = Not added: { $name } stays stopped: { $why }; change that rule by hand if the command needs it
ed-proposal-unnamed = Not added: syscall numbers the catalog cannot name, so no rule can allow them: { $numbers }
ed-proposal-by-name-only = By name only: { $why }.
ed-proposal-narrow = Narrow: only the values seen ({ $n ->
    [one] { $n } distinct call
   *[other] { $n } distinct calls
}).
ed-proposal-by-name = By name: every call, whatever its arguments.

# View 3: keys said in the status bar, the target.
ed-run-nothing-running = Nothing is running
ed-run-enforce-mode = Enforce mode: the exact filter, as in a container; stops are not reported
ed-run-observed-mode = Observed mode: the command sees what the filter does; every stop is reported
ed-run-still-running-target = A command is still running: ctrl-c ends it, then the target can change
ed-run-still-running = A command is still running: ctrl-c ends it
ed-run-nothing-through = Nothing went through to deny
ed-run-type-a-command = Type a command first
ed-run-unclosed-quote = The command has an unclosed quote
ed-target-host = target: host
ed-target-container = target: container { $dir }
ed-target-now-host = Target: host. Commands run on this machine, under the sandbox
ed-target-stays-host-why = Target stays host: { $why }
ed-target-now-container = Target: container { $dir } ({ $runtime })
ed-target-stays-host = Target stays host
ed-target-nnp-off = noNewPrivileges is off (Docker's default): { $runtime } loads the filter before it sets up the process's privileges, so its own calls go through the filter too
ed-target-nothing-observed = nothing was observed: { $why }
ed-target-did-not-start = did not start: { $runtime } failed: { $error }
ed-target-init-needed = did not start: { $runtime } init needed { $names } after the filter was loaded, so the container would not start ({ $runtime }: { $error })

# View 5: the editor's language.
ed-settings-language = Language
ed-settings-language-about = the editor's language, remembered for the next start
ed-language-chosen = Language: { $language } (from now on, and at the next start unless --lang says otherwise)
ed-help-language = The Language row switches the editor's language at once and remembers it for the next start.
ed-help-language-start = At start: --lang first, then the language chosen there, then LC_ALL, LC_MESSAGES, LANG.

# Prompts, reloading, pasting, starters.
ed-prompt-not-a-kernel = "{ $version }" is not a kernel version like 6.1
ed-prompt-unknown-capability = unknown capability "{ $cap }"
ed-prompt-no-file-name = type a file name
ed-prompt-exists = { $file } exists: press enter again to replace it
ed-prompt-deny-one = Deny { $name } with errno (EACCES, 13, ...):
ed-prompt-deny-many = Deny { $n } syscalls with errno (EACCES, 13, ...):
ed-prompt-default-errno = Default errno (EPERM, EACCES, 38, ...):
ed-prompt-kernel = Target kernel version (X.Y or X.Y.Z):
ed-prompt-capability = Capability to add or remove (SYS_ADMIN, CAP_NET_RAW, ...):
ed-prompt-save-as = Save the profile as:
ed-prompt-kernel-now = Target kernel is now { $kernel }
ed-prompt-cap-added = { $cap } added to the target
ed-prompt-cap-removed = { $cap } removed from the target
ed-container-type-folder = Type the folder of a root filesystem or an OCI bundle
ed-container-not-one = Not a container: { $why }
ed-keys-ignored = keys.toml ignored: { $why }
ed-paste-nowhere = Pasted text goes into a text field (/ search, Enter on the command line); nothing was done with it
ed-started-from-starter = Started from the { $name } starter (u goes back)
ed-restored = Restored the unsaved changes (u goes back to the file)
ed-reloaded = Reloaded { $file } (u brings back your edits)
ed-reload-not-a-profile = it is not a profile
ed-cannot-reload = Cannot reload { $file }: { $why }

# Opening a file in the editor.
ed-no-starter = no starter profile "{ $name }"; there are: { $names }
ed-from-builtin = the built-in profile
ed-from-starter = the starter profile { $name }
ed-new-file = New file { $file }: starting from { $from }
ed-starting-from = Starting from { $from } (unsaved)
ed-new-exists = { $file } exists already: --new starts a new file (give a new name, or open it without --new)
ed-cannot-read = cannot read { $file }: { $why }
ed-opened-spo = Opened SeccompProfile { $name }; the file also has { $others } (seccompose FILE --name NAME opens another)
ed-not-opened = { $file } could not be opened; it was not changed.
ed-fix-the-file = Fix the file (seccompose check shows the same), then open it again. Press any key to leave.
ed-cannot-open = Cannot open the profile

# View 5's unsaved changes, starters, keys.toml, the terminal.
ed-changes-saved-file = the saved file
ed-changes-start = where the document started
ed-changes-title = Unsaved changes: what they do on { $arch }, against { $against }
ed-changes-none = No unsaved changes.
ed-changes-text-only = The edits change the text only: every syscall gets what it got before.
ed-starters-title = Start from a starter profile
ed-starters-keys = enter start from it (u goes back) · esc cancel
ed-keys-unknown-section = unknown section [{ $section }]
ed-keys-unknown-command = unknown command "{ $command }" in [{ $section }]
ed-keys-not-in-section = [{ $section }] has no command { $command }
ed-keys-unknown-key = unknown key "{ $key }" in "{ $keys }"
ed-keys-two-meanings = key "{ $key }" means both { $one } and { $other } in [{ $section }]
ed-screen-unusable = the terminal screen is unusable
ed-crashed = the editor crashed; unsaved changes are in the recovery file and will be offered next time.

# How a run in view 3 ended (crates/sandbox's Report::cause).
ed-no-lesson = no lesson { $n }
ed-cause-exited = exited with status { $status }
ed-cause-killed = killed by { $signal }
ed-cause-by-rule = a { $action } rule for { $name }
ed-cause-by-default = the default action ({ $action }) on { $name }
ed-cause-killed-by = killed by { $signal }: { $by }
ed-cause-killed-by-at = killed by { $signal }: { $by }, { $place }
ed-cause-timeout = ended at the timeout (the whole process tree)
ed-cause-stopped = stopped on request (the whole process tree)
ed-cause-not-run-denied = the command was not run: the profile denies execve ({ $errno })
ed-cause-not-run-failed = the command was not run: execve failed ({ $errno })

# The detail pane's manual when the system has none (crates/core/src/catalog/man.rs).
