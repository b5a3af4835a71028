package dev.jwc.wasi;

/**
 * The preview1 rights of one fd: {@code base}, what the fd itself may do, and {@code inheriting}, what a
 * descriptor opened through it may get. WASI 0.2 has no rights, so the shim keeps them: {@code path_open}
 * narrows them to what the directory hands on, {@code fd_fdstat_set_rights} can only drop them, and
 * {@link Preview1Host} enforces those with a 0.2 meaning (reading, writing, truncating through a path).
 */
record Preview1Rights(long base, long inheriting) {
    static final long FD_READ = 1L << 1;
    static final long FD_WRITE = 1L << 6;
    static final long PATH_FILESTAT_SET_SIZE = 1L << 19;
    /** The 30 rights preview1 defines, fd_datasync (bit 0) to sock_accept (bit 29). */
    static final long ALL = (1L << 30) - 1;
    /** fd_readdir and the path_* rights (bits 9..20 and 24..26): rights only a directory can have. */
    static final long DIRECTORY_ONLY = (1L << 21) - (1L << 9) | 7L << 24;
    /** fd_seek, fd_tell, fd_write, fd_allocate and fd_filestat_set_size: rights only a file can have. */
    static final long FILE_ONLY = 1L << 2 | 1L << 5 | FD_WRITE | 1L << 8 | 1L << 22;

    /** A preopened directory: every directory right, and every right to hand on. */
    static final Preview1Rights PREOPEN = new Preview1Rights(ALL & ~FILE_ONLY, ALL);
    /** stdin, stdout and stderr: the rights of a file (they hand nothing on). */
    static final Preview1Rights STDIO = new Preview1Rights(ALL & ~DIRECTORY_ONLY, 0);

    /**
     * The rights of a descriptor opened through a directory with these rights: what was asked for, as far as
     * this directory hands it on and the descriptor's type allows.
     */
    Preview1Rights opened(long requestedBase, long requestedInheriting, boolean directory) {
        long typeMask = directory ? ~FILE_ONLY : ~DIRECTORY_ONLY;
        return new Preview1Rights(requestedBase & inheriting & typeMask & ALL, requestedInheriting & inheriting & ALL);
    }

    boolean has(long right) {
        return (base & right) == right;
    }

    /** Whether {@code wanted} asks for nothing beyond these rights (rights can be dropped, never regained). */
    boolean covers(Preview1Rights wanted) {
        return (wanted.base & ~base) == 0 && (wanted.inheriting & ~inheriting) == 0;
    }
}
