package dev.atrium.interop;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods the one {@link AtriumTokens} of the run: started on first use and closed when
 * the run ends (a closeable resource of JUnit's root store), so every verifier sees the same
 * server and tokens and the server starts once.
 */
final class AtriumTokensExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AtriumTokensExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AtriumTokens.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, k -> new Running(AtriumTokens.start()), Running.class).tokens();
    }

    private record Running(AtriumTokens tokens) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            tokens.close();
        }
    }
}
