package dev.atrium.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What the Android API check (animal-sniffer, at build time) cannot see: the SDK must not bind
 * JSON to Java records with Jackson, since records are desugared on Android before 14 and
 * Jackson's record support does not recognise them there. Trees and maps only.
 */
class AndroidRulesTest {
    /** Jackson's mapper classes (by name: their hierarchy is not imported). */
    static final java.util.Set<String> MAPPERS = java.util.Set.of(ObjectMapper.class.getName(),
            com.fasterxml.jackson.databind.json.JsonMapper.class.getName());

    /** The SDK's own classes, read from where {@link App} was loaded (not the whole class path: fast). */
    static final JavaClasses SDK = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(java.util.Set.of(com.tngtech.archunit.core.importer.Location.of(
                    App.class.getProtectionDomain().getCodeSource().getLocation())));

    @Test
    void jsonIsNeverBoundToTypesOnlyReadAsTreesAndMaps() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe("ObjectMapper.readValue, treeToValue or readerFor",
                        call -> MAPPERS.contains(call.getTarget().getOwner().getName())
                                && (call.getName().equals("readValue") || call.getName().equals("treeToValue")
                                        || call.getName().equals("readerFor"))))
                .as("the SDK reads JSON as trees (WireJson, FileFormat), never by binding it to a type")
                .check(SDK);
    }
}
