package dev.jwc.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jwc.runtime.Engine;
import dev.jwc.text.Wat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A guest component (written in WAT, built by jwc's own parser) that imports {@code wasi:sockets@0.2.0}
 * connects to a Java echo server and prints the reply: sockets work end to end through the canonical ABI.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpGuestComponentTest {
    private static byte[] guest;

    @BeforeAll
    static void build() throws IOException {
        try (InputStream in = TcpGuestComponentTest.class.getResourceAsStream("sockets/tcp-client.wat")) {
            guest = Wat.toBinary(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static WasiCommand.Outcome run(int port, boolean network, ByteArrayOutputStream out) {
        return run(port, network, out, Optional.empty());
    }

    private static WasiCommand.Outcome run(int port, boolean network, ByteArrayOutputStream out,
                                           Optional<Duration> timeout) {
        WasiConfig config = new WasiConfig(List.of("tcp-client", Integer.toString(port)), Map.of(), List.of(),
                new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream(), network);
        return new WasiCommand(new Engine()).run(guest, config, timeout);
    }

    @Test
    void theGuestTalksToAJavaEchoServer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream o = s.getOutputStream()) {
                    o.write(in.readNBytes(23));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WasiCommand.Outcome outcome = run(server.getLocalPort(), true, out);
            echo.get(10, TimeUnit.SECONDS);
            assertThat(outcome.trap()).isEmpty();
            assertThat(outcome.exitCode()).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ping over wasi:sockets\n");
        }
    }

    @Test
    void aGuestWaitingForASilentServerEndsAtTheTimeout() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            WasiCommand.Outcome outcome = run(server.getLocalPort(), true, new ByteArrayOutputStream(),
                    Optional.of(Duration.ofMillis(500)));
            assertThat(outcome.exitCode()).isEqualTo(WasiCommand.TRAP_EXIT_CODE);
            assertThat(outcome.trap()).isPresent();
        }
    }

    @Test
    void withoutTheNetworkTheGuestIsRefused() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WasiCommand.Outcome outcome = run(server.getLocalPort(), false, out);
            assertThat(outcome.trap()).isEmpty();
            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(out.size()).isZero();
        }
    }
}
