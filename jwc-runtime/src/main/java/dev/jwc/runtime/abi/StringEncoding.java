package dev.jwc.runtime.abi;

/** The {@code string-encoding} canonical option. */
public enum StringEncoding {
    UTF8, UTF16, LATIN1_UTF16
}
