package dev.atrium.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rule of docs/architecture.md, Modules and the dependency rule, stated once and checked on every build. */
class ArchitectureTest {
    static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.atrium");
    }

    @Test
    void apiImportsOnlyTheJdk() {
        ArchRuleDefinition.classes().that().resideInAPackage("dev.atrium.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.atrium.api..", "java..")
                .check(main);
    }

    @Test
    void coreKnowsNothingOfServerStoresOrHttp() {
        noClasses().that().resideInAPackage("dev.atrium.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.atrium.server..", "dev.atrium.store..", "io.helidon..", "java.sql..")
                .check(main);
    }

    @Test
    void kernelDependsOnNoFeature() {
        noClasses().that().resideInAPackage("dev.atrium.core.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.atrium.core.apps..", "dev.atrium.core.users..",
                        "dev.atrium.core.sessions..", "dev.atrium.core.tokens..", "dev.atrium.core.auth..",
                        "dev.atrium.core.admin..", "dev.atrium.core.store..")
                .check(main);
    }

    @Test
    void recordFeaturesDependOnlyInwardsOnTheKernel() {
        noClasses().that().resideInAnyPackage("dev.atrium.core.apps..", "dev.atrium.core.users..",
                        "dev.atrium.core.sessions..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.atrium.core.tokens..", "dev.atrium.core.auth..",
                        "dev.atrium.core.store..")
                .check(main);
    }

    @Test
    void featuresNeverImportTheStoreImplementations() {
        noClasses().that().resideOutsideOfPackages("dev.atrium.core.store..", "dev.atrium.store.jdbc..", "dev.atrium.server.app..",
                        "dev.atrium.server.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.atrium.core.store.memory..", "dev.atrium.store.jdbc..")
                .because("features own store interfaces; only the composition root and the CLI pick a backend")
                .check(main);
    }

    @Test
    void onlyAScratchStoreLiftsGuestLimits() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.atrium.store.jdbc.ScratchStore")
                .should().callMethod("dev.atrium.core.apps.AppSettings", "withGuestLimits", "int", "int", "int")
                .because("tooling (the bench, the AOT training) lifts limits only on a store it made itself, "
                        + "never on one an operator named; operators change limits through AppAdmin")
                .check(main);
    }

    @Test
    void onlyTheSessionGateVerifiesClientTokens() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.atrium.core.auth.SessionGate")
                .should().callMethod("dev.atrium.core.tokens.TokenService", "verifyAccess", "java.lang.String")
                .orShould().callMethod("dev.atrium.core.tokens.TokenService", "verifyRefresh", "java.lang.String")
                .because("a token's signature and lifetime are not enough: its session and user are checked at the "
                        + "gate, and a route that verified a token itself would skip that")
                .check(main);
    }

    @Test
    void onlyTheSessionGateMakesCallers() {
        Set<String> callers = Set.of("dev.atrium.core.auth.AccessCaller", "dev.atrium.core.auth.RefreshCaller");
        // classes().should(…) with violated events: under noClasses() a condition's events are inverted,
        // and violated ones would then never fail the rule.
        ArchRuleDefinition.classes().that().doNotHaveFullyQualifiedName("dev.atrium.core.auth.SessionGate")
                .should(new ArchCondition<>("not make an AccessCaller or RefreshCaller") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass c, ConditionEvents events) {
                        for (JavaConstructorCall call : c.getConstructorCallsFromSelf()) {
                            if (callers.contains(call.getTargetOwner().getName())) {
                                events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                            }
                        }
                    }
                })
                .because("holding a caller means its session and user were checked")
                .check(main);
    }

    @Test
    void siblingProvidersNeverImportEachOther() {
        slices().matching("dev.atrium.core.auth.(*)..").should().notDependOnEachOther().check(main);
    }

    @Test
    void authReadsRequestsAsRequestFieldsNotJsonTrees() {
        noClasses().that().resideInAPackage("dev.atrium.core.auth..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml..")
                .because("providers read typed credentials from RequestFields; the JSON library is the edge's")
                .check(main);
    }

    @Test
    void whatTheExternalIdentityProvidersShareKnowsNoProviderAndNoService() {
        noClasses().that().resideInAPackage("dev.atrium.core.idp..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.atrium.core.auth..", "dev.atrium.core.apps..",
                        "dev.atrium.core.admin..", "dev.atrium.core.tokens..", "dev.atrium.core.sessions..", "dev.atrium.core.store..")
                .because("the providers under auth import idp, so idp importing any of them would tie siblings together")
                .check(main);
    }

    @Test
    void aProviderIsReachedOnlyThroughTheRegistry() {
        ArchRuleDefinition.classes().should(new ArchCondition<>("not use a provider's plug-in class from outside its package") {
            @Override
            public void check(com.tngtech.archunit.core.domain.JavaClass c, ConditionEvents events) {
                for (var d : c.getDirectDependenciesFromSelf()) {
                    var target = d.getTargetClass();
                    if (target.isAssignableTo("dev.atrium.core.auth.AuthProvider") && !target.isInterface()
                            && !target.getPackageName().equals(c.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        }).because("the provider registry (ServiceLoader) installs providers, so nothing else may depend on one: "
                        + "its wire name constant is the one thing others may use (docs/providers.md)")
                .check(main);
    }

    @Test
    void everyProviderClassIsListedInTheServiceFile() throws java.io.IOException {
        Set<String> listed = new java.util.TreeSet<>();
        var files = ArchitectureTest.class.getClassLoader().getResources("META-INF/services/dev.atrium.core.auth.AuthProvider");
        while (files.hasMoreElements()) {
            try (var in = files.nextElement().openStream()) {
                new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(listed::add);
            }
        }
        Set<String> implemented = new java.util.TreeSet<>();
        main.stream().filter(c -> c.isAssignableTo("dev.atrium.core.auth.AuthProvider") && !c.isInterface())
                .forEach(c -> implemented.add(c.getName()));

        org.assertj.core.api.Assertions.assertThat(listed).as("a provider class not in the service file is never installed")
                .isEqualTo(implemented);
    }

    @Test
    void providersKnowNothingOfTheWebRedirectFlowThatUsesThem() {
        noClasses().that().resideInAnyPackage("dev.atrium.core.auth..", "dev.atrium.core.idp..")
                .should().dependOnClassesThat().resideInAPackage("dev.atrium.core.redirect..")
                .because("a provider offers its web sign-in through the WebSignIn port; the flow (state, callback, login) "
                        + "sits above AuthService and the providers, never among them")
                .check(main);
    }

    @Test
    void onlyServerHttpKnowsHttpStatusesAndRouting() {
        noClasses().that().resideOutsideOfPackage("dev.atrium.server.http..")
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon.http..", "io.helidon.webserver.http..")
                .check(main);
    }

    @Test
    void onlyTheCompositionRootInstantiatesServicesAndStores() {
        Set<String> wired = Set.of("dev.atrium.core.auth.AuthService", "dev.atrium.core.auth.AccountService",
                "dev.atrium.core.auth.SessionGate", "dev.atrium.core.merge.MergeService",
                "dev.atrium.core.tokens.TokenService", "dev.atrium.core.tokens.KeyRing", "dev.atrium.core.apps.AppDirectory",
                "dev.atrium.core.auth.anonymous.AnonymousProvider", "dev.atrium.core.store.memory.InMemoryStore");
        ArchRuleDefinition.classes().that().resideOutsideOfPackage("dev.atrium.server.app..")
                .should(new ArchCondition<>("not call new on a service or store implementation") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass c, ConditionEvents events) {
                        for (JavaConstructorCall call : c.getConstructorCallsFromSelf()) {
                            if (wired.contains(call.getTargetOwner().getName())) {
                                events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                            }
                        }
                    }
                })
                .check(main);
    }

    @Test
    void everyOutboundCallGoesThroughTheOutboundPackage() {
        noClasses().that().resideInAnyPackage("dev.atrium.core..", "dev.atrium.server..", "dev.atrium.store..")
                .and().resideOutsideOfPackages("dev.atrium.server.outbound..", "dev.atrium.server.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "org.apache.hc..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.nimbusds.jose.util.DefaultResourceRetriever")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.nimbusds.jose.jwk.source.RemoteJWKSet")
                .orShould().callMethod("com.nimbusds.jose.jwk.source.JWKSourceBuilder", "create", "java.net.URL")
                .because("its limits (answer cap, whole-exchange deadline, no redirects, http(s) only, destination "
                        + "policy) hold for a call only if the call is made there; the CLI calls its own server's admin API")
                .check(main);
    }

    @Test
    void storeJdbcImportsOnlyTheCoreSpiNotTheServer() {
        noClasses().that().resideInAPackage("dev.atrium.store.jdbc..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.atrium.server..", "dev.atrium.core.auth.anonymous..",
                        "dev.atrium.core.store.memory..", "io.helidon..")
                .check(main);
    }

}
