package dev.jwc.tools.link;

import dev.jwc.binary.core.types.FuncType;
import dev.jwc.binary.core.types.NumType;
import java.util.List;

/**
 * Thread-local storage of the wasip3 threading ABI in a linked program. The stack pointer lives in context slot
 * 0. Each library that asks for a TLS base ({@code env::__wasm_get_tls_base}) has a word in a table of TLS
 * bases: the current thread's table is at context slot 1 when the program uses threads ({@code [context-get-1]}),
 * else (and before a thread sets one) the static table of the main thread. {@code __wasm_program_tls_info}
 * points at {@code (library count, address of each library's __wasm_library_tls_info, static table)}, which
 * the init module fills in.
 *
 * @param libraries the libraries with a TLS base, in link order
 * @param staticTable address of the main thread's table of TLS bases
 * @param infos address of the table of each library's TLS info address
 * @param programInfo address of the program's TLS info
 */
record Tls(List<String> libraries, int staticTable, int infos, int programInfo) {
    static final String GET_STACK_POINTER = "__wasm_get_stack_pointer";
    static final String SET_STACK_POINTER = "__wasm_set_stack_pointer";
    static final String GET_TLS_BASE = "__wasm_get_tls_base";
    static final String SET_TLS_BASE = "__wasm_set_tls_base";
    static final String PROGRAM_INFO = "__wasm_program_tls_info";
    static final String LIBRARY_INFO = "__wasm_library_tls_info";
    static final String CONTEXT_GET_0 = "[context-get-0]";
    static final String CONTEXT_SET_0 = "[context-set-0]";
    static final String CONTEXT_GET_1 = "[context-get-1]";
    static final FuncType GETTER = new FuncType(List.of(), List.of(NumType.I32));
    static final FuncType SETTER = new FuncType(List.of(NumType.I32), List.of());

    Tls {
        libraries = List.copyOf(libraries);
    }

    /** The layout from {@code memoryOffset} on (4-aligned). */
    static Tls at(int memoryOffset, List<String> libraries) {
        int staticTable = memoryOffset;
        int infos = staticTable + 4 * libraries.size();
        int programInfo = infos + 4 * libraries.size();
        return new Tls(libraries, staticTable, infos, programInfo);
    }

    /** The first address after the layout. */
    int end() {
        return programInfo + 12;
    }

    /** The program's TLS info block, which the init module writes. */
    byte[] programInfoBytes() {
        int[] words = {libraries.size(), infos, staticTable};
        byte[] b = new byte[12];
        for (int n = 0; n < 3; n++) {
            for (int k = 0; k < 4; k++) {
                b[4 * n + k] = (byte) (words[n] >>> (8 * k));
            }
        }
        return b;
    }
}
