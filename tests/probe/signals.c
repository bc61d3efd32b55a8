/* Test program for what the kernel does with TRAP and KILL, built with the system C library
 * (glibc's threads and signal handling) by tests/sandbox_signals.rs. Its first argument:
 *   thread-kill  a second thread calls getsid(0) (a kill-thread rule); the first thread waits
 *                for it, says so, and exits 7. A SIGSYS handler is installed, which the
 *                kernel's kill must ignore.
 *   trap         calls getpgid(7, 8, 9) (a trap rule) with a SA_SIGINFO handler for SIGSYS,
 *                which prints the siginfo fields the kernel fills in; then prints what the call
 *                returned and exits 0.
 *   kill-caught  installs a SIGSYS handler, then calls getpriority(0, 0) (a kill-process rule):
 *                the process must die of SIGSYS, the handler never running.
 *   debugger     acts as a debugger of its own children: PTRACE_SEIZE of a running child and
 *                of a stopped one, PTRACE_TRACEME in a child that then stops; prints each
 *                result (the same under observation as under enforcement).
 *   realtime     catches SIGRTMIN+1 and says so, then raises SIGRTMIN, whose default action
 *                ends the process.
 * Syscalls are made with syscall(2), so the C library cannot answer them from a cache. */

#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void say(const char *text) {
    ssize_t ignored = write(1, text, strlen(text));
    (void)ignored;
}

static void on_sigsys(int sig, siginfo_t *info, void *context) {
    (void)sig;
    (void)context;
    char line[160];
    snprintf(line, sizeof line, "handler: si_signo=%d si_code=%d si_errno=%d si_syscall=%d si_arch=%#x\n",
             info->si_signo, info->si_code, info->si_errno, info->si_syscall, info->si_arch);
    say(line);
}

static void catch_sigsys(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigsys;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSYS, &sa, NULL);
}

static void *killed_thread(void *unused) {
    (void)unused;
    syscall(SYS_getsid, 0);
    say("thread: still alive\n");
    return NULL;
}

static void result(const char *what, long r) {
    char line[120];
    snprintf(line, sizeof line, "%s: %s\n", what, r == 0 ? "ok" : strerror(errno));
    say(line);
}

static int debugger(void) {
    int status;
    pid_t running = fork();
    if (running == 0)
        for (;;)
            pause();
    result("seize a running child", ptrace(PTRACE_SEIZE, running, 0, 0));
    result("interrupt it", ptrace(PTRACE_INTERRUPT, running, 0, 0));
    waitpid(running, &status, __WALL);
    say(WIFSTOPPED(status) && status >> 16 == PTRACE_EVENT_STOP ? "it stopped for us\n" : "it did not stop\n");
    kill(running, SIGKILL);
    waitpid(running, &status, __WALL);

    pid_t stopped = fork();
    if (stopped == 0) {
        raise(SIGSTOP);
        _exit(4);
    }
    waitpid(stopped, &status, WUNTRACED);
    say(WIFSTOPPED(status) ? "a child stopped itself\n" : "the child did not stop\n");
    result("seize the stopped child", ptrace(PTRACE_SEIZE, stopped, 0, 0));
    kill(stopped, SIGKILL);
    waitpid(stopped, &status, __WALL);

    pid_t traced = fork();
    if (traced == 0) {
        if (ptrace(PTRACE_TRACEME, 0, 0, 0) != 0)
            _exit(3);
        raise(SIGSTOP);
        _exit(5);
    }
    waitpid(traced, &status, 0);
    say(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP ? "traceme: the child stops for us\n"
                                                           : "traceme: the child did not stop for us\n");
    ptrace(PTRACE_CONT, traced, 0, 0);
    waitpid(traced, &status, 0);
    char line[80];
    snprintf(line, sizeof line, "traceme: the child exited with %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    say(line);
    return 0;
}

static volatile sig_atomic_t realtime_seen;

static void on_realtime(int sig) {
    realtime_seen = sig;
}

/* A real-time signal caught, then one left to its default action, which ends the process. */
static int realtime(void) {
    signal(SIGRTMIN + 1, on_realtime);
    raise(SIGRTMIN + 1);
    say(realtime_seen == SIGRTMIN + 1 ? "handler: a real-time signal\n" : "no handler ran\n");
    raise(SIGRTMIN);
    say("survived SIGRTMIN\n");
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2)
        return 2;
    catch_sigsys();
    if (strcmp(argv[1], "thread-kill") == 0) {
        pthread_t t;
        if (pthread_create(&t, NULL, killed_thread, NULL) != 0)
            return 3;
        pthread_join(t, NULL);
        say("main: the other thread is gone, exiting 7\n");
        return 7;
    }
    if (strcmp(argv[1], "trap") == 0) {
        long r = syscall(SYS_getpgid, 7, 8, 9);
        char line[80];
        snprintf(line, sizeof line, "after the trap: returned %ld\n", r);
        say(line);
        return 0;
    }
    if (strcmp(argv[1], "kill-caught") == 0) {
        syscall(SYS_getpriority, 0, 0);
        say("survived a kill-process rule\n");
        return 0;
    }
    if (strcmp(argv[1], "debugger") == 0)
        return debugger();
    if (strcmp(argv[1], "realtime") == 0)
        return realtime();
    return 2;
}
