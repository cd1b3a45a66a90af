package dev.atrium.client.e2e;

/** What every contract needs from the class that runs it: the current test's {@link Fixture}. */
interface EndToEnd {
    Fixture e2e();
}
