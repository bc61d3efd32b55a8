//! The BPF decoder, validator, disassembler and emulator on arbitrary programs (jumps past the
//! end, division by zero, loads outside `seccomp_data`, no return): an invalid program is an
//! error, never a panic, and the emulator always returns.
#![no_main]

use libfuzzer_sys::fuzz_target;
use seccompose::bpf::{self, Program, SeccompData};

fuzz_target!(|data: &[u8]| {
    // The first 16 bytes choose the call: nr, arch token, two arguments.
    if data.len() < 16 {
        return;
    }
    let word = |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
    let call = SeccompData {
        nr: word(0) as i32,
        arch: word(4),
        instruction_pointer: 0,
        args: [u64::from(word(8)), u64::from(word(12)), 0, 0, 0, 0],
    };
    let Ok(program) = Program::from_bytes(&data[16..]) else {
        return;
    };
    let valid = program.validate().is_ok();
    let _ = bpf::disassemble(&program);
    let (ret, steps) = bpf::run_counted(&program, &call);
    if valid {
        // A valid program (forward jumps only) runs each instruction at most once.
        assert!(steps <= program.len(), "{steps} steps in {} instructions", program.len());
    }
    let _ = bpf::RetAction::from_raw(ret);
});
