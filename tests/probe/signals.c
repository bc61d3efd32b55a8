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
 * Syscalls are made with syscall(2), so the C library cannot answer them from a cache. */

#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
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
    return 2;
}
