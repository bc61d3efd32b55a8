/* Test probe: makes the syscalls named on its command line and prints what each returned.
 * Usage: probe NR A0 A1 A2 A3 A4 A5 [NR A0 ... A5]...   (numbers in C syntax: 12, 0x1f, 0755)
 * Prints one line per call: "ok RET" or "errno E"; a SIGSYS (trap) prints "trapped" and exits 77,
 * unless PROBE_NO_TRAP_HANDLER is set (then SIGSYS keeps its default action). */
/* Built by the tests with the system C compiler (and with -m32 for the i386 tests). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

static void on_sigsys(int sig) {
    (void)sig;
    static const char msg[] = "trapped\n";
    write(1, msg, sizeof msg - 1);
    _exit(77);
}

int main(int argc, char **argv) {
    if (!getenv("PROBE_NO_TRAP_HANDLER"))
        signal(SIGSYS, on_sigsys);
    setvbuf(stdout, NULL, _IONBF, 0);
    for (int i = 1; i + 6 < argc; i += 7) {
        long nr = strtol(argv[i], NULL, 0);
        unsigned long long a[6];
        for (int j = 0; j < 6; j++)
            a[j] = strtoull(argv[i + 1 + j], NULL, 0);
        errno = 0;
        long r = syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
        if (r == -1)
            printf("errno %d\n", errno);
        else
            printf("ok %ld\n", r > 0 ? 1L : r);
    }
    return 0;
}
