/* Test probe: makes the syscalls named on its command line and prints what each returned.
 * Usage: probe NR A0 A1 A2 A3 A4 A5 [NR A0 ... A5]...   (numbers in C syntax: 12, 0x1f, 0755)
 * Prints one line per call: "ok RET" or "errno E"; a SIGSYS (trap) prints "trapped" and exits 77,
 * unless PROBE_NO_TRAP_HANDLER is set (then SIGSYS keeps its default action).
 *
 * Freestanding: no C library, no headers, its own _start, every syscall in inline assembly.
 * So the same file builds natively and with -m32 using nothing but the stock compiler and
 * binutils (a 32-bit C library, gcc-multilib, is not needed). Build flags: tests/common/probe.rs.
 * Nothing here may make the compiler call a library routine (memset, 64-bit division on i386):
 * there is no libgcc in the link either. */

#if defined(__x86_64__)
#define NR_WRITE 1
#define NR_RT_SIGACTION 13
#define NR_RT_SIGRETURN 15
#define NR_EXIT_GROUP 231

static long sys6(long nr, long a, long b, long c, long d, long e, long f) {
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    long ret;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}

/* The kernel starts us with the stack pointer at argc; the C entry wants it aligned. */
__asm__(".text\n.global _start\n_start:\n"
        "  xor %ebp, %ebp\n  mov %rsp, %rdi\n  and $-16, %rsp\n  call probe_main\n  hlt\n"
        "probe_restorer:\n  mov $15, %eax\n  syscall\n  hlt\n");

#elif defined(__i386__)
#define NR_WRITE 4
#define NR_RT_SIGACTION 174
#define NR_RT_SIGRETURN 173
#define NR_EXIT_GROUP 252

static long sys6(long nr, long a, long b, long c, long d, long e, long f) {
    /* All six argument registers are taken and %ebp cannot be named as an operand, so the
     * number and the sixth argument travel in memory, addressed through %eax. */
    long nr_and_f[2] = {nr, f};
    long ret;
    __asm__ volatile("push %%ebp\n\tmov 4(%%eax), %%ebp\n\tmov (%%eax), %%eax\n\t"
                     "int $0x80\n\tpop %%ebp"
                     : "=a"(ret)
                     : "a"(nr_and_f), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
                     : "memory");
    return ret;
}

__asm__(".text\n.global _start\n_start:\n"
        "  xor %ebp, %ebp\n  mov %esp, %eax\n  and $-16, %esp\n  sub $12, %esp\n"
        "  push %eax\n  call probe_main\n  hlt\n"
        "probe_restorer:\n  mov $173, %eax\n  int $0x80\n  hlt\n");

#else
#error "the probe knows the syscall instruction of x86_64 and i386 only"
#endif

#define SIGSYS 31
#define SA_RESTORER 0x04000000UL

/* The kernel's struct sigaction on x86 (both ABIs): handler, flags, restorer, 64-bit mask. */
struct kernel_sigaction {
    void (*handler)(int);
    unsigned long flags;
    void (*restorer)(void);
    unsigned int mask[2];
};

void probe_restorer(void);

static void sys_exit(int code) {
    for (;;)
        sys6(NR_EXIT_GROUP, code, 0, 0, 0, 0, 0);
}

static unsigned long length(const char *s) {
    unsigned long n = 0;
    while (s[n])
        n++;
    return n;
}

static void put(const char *s) {
    sys6(NR_WRITE, 1, (long)s, (long)length(s), 0, 0, 0);
}

/* "ok " or "errno " and a number, one write per line (nothing buffered to lose at a kill). */
static void put_line(const char *what, long value) {
    char line[48];
    char digits[24];
    unsigned long n = value < 0 ? -(unsigned long)value : (unsigned long)value;
    int len = 0, d = 0;
    for (const char *w = what; *w; w++)
        line[len++] = *w;
    if (value < 0)
        line[len++] = '-';
    do {
        digits[d++] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    while (d)
        line[len++] = digits[--d];
    line[len++] = '\n';
    line[len] = 0;
    put(line);
}

/* strtoul with base 0: 0x.. hex, 0.. octal, else decimal; a leading '-' negates. */
static unsigned long parse(const char *s) {
    int negative = *s == '-';
    unsigned long base = 10, n = 0;
    if (negative)
        s++;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    } else if (s[0] == '0') {
        base = 8;
    }
    for (;; s++) {
        unsigned long digit;
        if (*s >= '0' && *s <= '9')
            digit = (unsigned long)(*s - '0');
        else if (*s >= 'a' && *s <= 'f')
            digit = (unsigned long)(*s - 'a' + 10);
        else if (*s >= 'A' && *s <= 'F')
            digit = (unsigned long)(*s - 'A' + 10);
        else
            break;
        if (digit >= base)
            break;
        n = n * base + digit;
    }
    return negative ? -n : n;
}

static int has_env(char **envp, const char *name) {
    for (; *envp; envp++) {
        const char *e = *envp, *n = name;
        while (*n && *e == *n)
            e++, n++;
        if (!*n && *e == '=')
            return 1;
    }
    return 0;
}

static void on_sigsys(int sig) {
    (void)sig;
    put("trapped\n");
    sys_exit(77);
}

__attribute__((used, noreturn)) void probe_main(long *stack) {
    int argc = (int)stack[0];
    char **argv = (char **)(stack + 1);
    char **envp = argv + argc + 1;
    if (!has_env(envp, "PROBE_NO_TRAP_HANDLER")) {
        struct kernel_sigaction act;
        act.handler = on_sigsys;
        act.flags = SA_RESTORER;
        act.restorer = probe_restorer;
        act.mask[0] = act.mask[1] = 0;
        sys6(NR_RT_SIGACTION, SIGSYS, (long)&act, 0, sizeof act.mask, 0, 0);
    }
    for (int i = 1; i + 6 < argc; i += 7) {
        long a[6];
        for (int j = 0; j < 6; j++)
            a[j] = (long)parse(argv[i + 1 + j]);
        long r = sys6((long)parse(argv[i]), a[0], a[1], a[2], a[3], a[4], a[5]);
        if (r < 0 && r >= -4095)
            put_line("errno ", -r);
        else
            put_line("ok ", r > 0 ? 1L : r);
    }
    sys_exit(0);
    __builtin_unreachable();
}
