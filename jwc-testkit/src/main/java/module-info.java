/** jwc testkit: the shared plumbing of the conformance runners (test scope only, never shipped). */
module dev.jwc.testkit {
    requires org.junit.jupiter.api;

    exports dev.jwc.testkit;
}
