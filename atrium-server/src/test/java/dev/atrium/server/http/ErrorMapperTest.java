package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.api.ErrorCode;
import org.junit.jupiter.api.Test;

/** The code → status table loads (a 5xx code without a fixed text would fail every error answer). */
class ErrorMapperTest {
    @Test
    void everyCodeHasAStatusAndEvery5xxAFixedText() {
        for (ErrorCode code : ErrorCode.values()) {
            int status = ErrorMapper.status(code);
            assertThat(status).as(code.name()).isBetween(400, 599);
            if (status >= 500) {
                assertThat(ErrorMapper.publicMessage(code, "internal detail")).as(code.name()).doesNotContain("internal detail");
            }
        }
    }
}
