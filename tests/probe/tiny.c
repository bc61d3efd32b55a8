/* The smallest programs the starter-profile tests run: no C library, its own _start, raw
 * syscalls in inline assembly, so a static build needs nothing but the stock compiler.
 * Build flags: tests/starters.rs. What it does depends on its first argument:
 *   (none)  write "hello\n" and exit(0)                       -- static-hello
 *   echo    read up to 64 bytes from stdin, write them back    -- strict: only read and write
 *   open    open("/", O_RDONLY) first, then as "echo"          -- strict: dies at the open
 * It ends with the plain exit syscall (not exit_group), the one strict mode allows. */

#if defined(__x86_64__)
#define NR_READ 0
#define NR_WRITE 1
#define NR_OPENAT 257
#define NR_EXIT 60

static long sys3(long nr, long a, long b, long c) {
    long ret;
    __asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
    return ret;
}

__asm__(".text\n.global _start\n_start:\n"
        "  xor %ebp, %ebp\n  mov %rsp, %rdi\n  and $-16, %rsp\n  call tiny_main\n  hlt\n");

#elif defined(__aarch64__)
#define NR_READ 63
#define NR_WRITE 64
#define NR_OPENAT 56
#define NR_EXIT 93

static long sys3(long nr, long a, long b, long c) {
    register long x8 __asm__("x8") = nr;
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    __asm__ volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
    return x0;
}

__asm__(".text\n.global _start\n_start:\n"
        "  mov x0, sp\n  bl tiny_main\n  brk #0\n");

#else
#error "tiny.c knows x86_64 and aarch64"
#endif

#define AT_FDCWD (-100)

static int same(const char *a, const char *b) {
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

__attribute__((used)) void tiny_main(long *sp) {
    long argc = sp[0];
    const char *mode = argc > 1 ? (const char *)sp[2] : "";
    if (same(mode, "open")) {
        sys3(NR_OPENAT, AT_FDCWD, (long)"/", 0);
    }
    if (same(mode, "echo") || same(mode, "open")) {
        char buf[64];
        long n = sys3(NR_READ, 0, (long)buf, sizeof buf);
        if (n > 0) {
            sys3(NR_WRITE, 1, (long)buf, n);
        }
    } else {
        sys3(NR_WRITE, 1, (long)"hello\n", 6);
    }
    sys3(NR_EXIT, 0, 0, 0);
    for (;;) {
    }
}
