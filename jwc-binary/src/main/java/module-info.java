/** jwc binary. */
module dev.jwc.binary {
}
