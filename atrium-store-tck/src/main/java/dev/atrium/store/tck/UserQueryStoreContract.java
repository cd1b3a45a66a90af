package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.admin.UserCursor;
import dev.atrium.core.admin.UserFilter;
import dev.atrium.core.admin.UserQueryStore;
import dev.atrium.core.admin.UserSearch;
import dev.atrium.core.admin.UserSort;
import dev.atrium.core.apps.App;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link UserQueryStore}: the admin list's filters, search, orders, keyset pages and counts. */
public abstract class UserQueryStoreContract extends StoreContract {

    private UserQueryStore queries() {
        return store.userQueries();
    }

    /** A user holding an identity of {@code type} whose provider data has {@code email}, created at {@code at}, stored. */
    private User withEmail(App app, String type, String email, Instant at, Instant lastActive) {
        Identity id = new Identity(type, ObjectIds.next(at), email == null ? Map.of() : Map.of("email", email), at);
        User u = new User(ObjectIds.next(at), app.id(), UserType.NORMAL, false, at, lastActive, Map.of(), List.of(id));
        signUp(u);
        return u;
    }

    private static UserFilter search(String text) {
        return UserFilter.ALL.withSearch(UserSearch.parse(text));
    }

    private List<String> ids(App app, UserFilter f, UserSort sort) {
        return queries().list(app.id(), f, sort, null, 100).stream().map(User::id).toList();
    }

    @Test
    void searchByEmailPrefixFindsEveryUserWhoseIdentityEmailStartsSoIgnoringCase() {
        App app = createApp();
        User ann = withEmail(app, "local-userpass", "ann@example.com", nextInstant(), nextInstant());
        User anna = withEmail(app, "oauth2-google", "Anna.Smith@Example.org", nextInstant(), nextInstant());
        withEmail(app, "local-userpass", "bob@example.com", nextInstant(), nextInstant());
        signUpGuest(app);

        assertThat(ids(app, search("ann"), UserSort.CREATED)).containsExactly(ann.id(), anna.id());
        assertThat(ids(app, search("ANNA."), UserSort.CREATED)).containsExactly(anna.id());
        assertThat(ids(app, search("ann@example.com"), UserSort.CREATED)).containsExactly(ann.id());
        assertThat(queries().count(app.id(), search("ann"))).isEqualTo(2);
        assertThat(ids(app, search("carl"), UserSort.CREATED)).isEmpty();
        assertThat(queries().count(app.id(), search("carl"))).isZero();
    }

    @Test
    void searchByEmailPrefixMatchesOnlyTheStartNotTheMiddle() {
        App app = createApp();
        withEmail(app, "local-userpass", "joe@annex.example", nextInstant(), nextInstant());

        assertThat(ids(app, search("annex"), UserSort.CREATED)).isEmpty();
        assertThat(ids(app, search("joe@annex"), UserSort.CREATED)).hasSize(1);
    }

    @Test
    void searchByEmailFindsALinkedGuestByItsSecondIdentity() {
        App app = createApp();
        Signup guest = signUpGuest(app);
        store.links().addIdentity(app.id(), guest.user().id(), identity("local-userpass", ObjectIds.next(T0), Map.of("email", "kim@b.co")));

        assertThat(ids(app, search("kim@"), UserSort.CREATED)).containsExactly(guest.user().id());
    }

    @Test
    void searchByEmailStaysInItsApp() {
        App app = createApp();
        App other = createApp();
        withEmail(other, "local-userpass", "ann@example.com", nextInstant(), nextInstant());

        assertThat(ids(app, search("ann"), UserSort.CREATED)).isEmpty();
        assertThat(queries().count(app.id(), search("ann"))).isZero();
    }

    @Test
    void searchByUserIdFindsExactlyThatUser() {
        App app = createApp();
        Signup one = signUpGuest(app);
        signUpGuest(app);

        assertThat(ids(app, search(one.user().id().toUpperCase()), UserSort.CREATED)).containsExactly(one.user().id());
        assertThat(ids(app, search(ObjectIds.next(T0)), UserSort.CREATED)).isEmpty();
    }

    @Test
    void searchCombinesWithTheOtherFilters() {
        App app = createApp();
        User ann = withEmail(app, "local-userpass", "ann@example.com", nextInstant(), nextInstant());
        withEmail(app, "oauth2-google", "anna@example.com", nextInstant(), nextInstant());
        store.users().setDisabled(app.id(), ann.id(), true);

        UserFilter disabledAnns = new UserFilter(null, true, null, null, null, null, UserSearch.parse("ann"));
        UserFilter googleAnns = new UserFilter(null, null, "oauth2-google", null, null, null, UserSearch.parse("ann"));

        assertThat(ids(app, disabledAnns, UserSort.CREATED)).containsExactly(ann.id());
        assertThat(queries().count(app.id(), googleAnns)).isEqualTo(1);
    }

    @Test
    void createdOrderIsTheIdOrderBothWaysAndPagesFollowTheCursor() {
        App app = createApp();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(signUpGuest(app).user().id());
        }
        List<String> ascending = all.stream().sorted().toList();

        assertThat(ids(app, UserFilter.ALL, UserSort.CREATED)).containsExactlyElementsOf(ascending);
        assertThat(ids(app, UserFilter.ALL, UserSort.CREATED_DESC)).containsExactlyElementsOf(ascending.reversed());
        assertThat(pages(app, UserSort.CREATED_DESC, 2)).containsExactlyElementsOf(ascending.reversed());
        assertThat(pages(app, UserSort.CREATED, 2)).containsExactlyElementsOf(ascending);
    }

    @Test
    void lastActiveOrderSortsByActivityThenIdBothWaysAndPagesFollowTheCursor() {
        App app = createApp();
        Instant t = nextInstant();
        User a = withEmail(app, "local-userpass", "a@x.co", nextInstant(), t.plusSeconds(30));
        User b = withEmail(app, "local-userpass", "b@x.co", nextInstant(), t.plusSeconds(10));
        User c = withEmail(app, "local-userpass", "c@x.co", nextInstant(), t.plusSeconds(10)); // same time as b: by id
        User d = withEmail(app, "local-userpass", "d@x.co", nextInstant(), t.plusSeconds(20));
        List<String> sameTime = java.util.stream.Stream.of(b.id(), c.id()).sorted().toList();
        List<String> expected = List.of(sameTime.get(0), sameTime.get(1), d.id(), a.id());

        assertThat(ids(app, UserFilter.ALL, UserSort.LAST_ACTIVE)).containsExactlyElementsOf(expected);
        assertThat(ids(app, UserFilter.ALL, UserSort.LAST_ACTIVE_DESC)).containsExactlyElementsOf(expected.reversed());
        assertThat(pages(app, UserSort.LAST_ACTIVE, 1)).containsExactlyElementsOf(expected);
        assertThat(pages(app, UserSort.LAST_ACTIVE_DESC, 3)).containsExactlyElementsOf(expected.reversed());
    }

    @Test
    void countWithoutFilterCountsEveryUserOfTheApp() {
        App app = createApp();
        signUpGuest(app);
        signUpGuest(app);
        withEmail(app, "local-userpass", "a@x.co", nextInstant(), nextInstant());
        signUpGuest(createApp());

        assertThat(queries().count(app.id(), UserFilter.ALL)).isEqualTo(3);
    }

    @Test
    void identitiesWithoutAnEmailAreNeverFoundByEmail() {
        App app = createApp();
        withEmail(app, "custom-token", null, nextInstant(), nextInstant());
        User other = new User(ObjectIds.next(nextInstant()), app.id(), UserType.NORMAL, false, nextInstant(), nextInstant(),
                Map.of(), List.of(identity("custom-function", "sub-1", Map.of("name", "ann@example.com"))));
        signUp(other);

        assertThat(ids(app, search("a"), UserSort.CREATED)).isEmpty();
    }

    /** Every user of the app in {@code sort} order, fetched {@code size} at a time following the cursor. */
    private List<String> pages(App app, UserSort sort, int size) {
        List<String> seen = new ArrayList<>();
        UserCursor after = null;
        for (int guard = 0; guard < 100; guard++) {
            List<User> page = queries().list(app.id(), UserFilter.ALL, sort, after, size);
            page.forEach(u -> seen.add(u.id()));
            if (page.size() < size) {
                return seen;
            }
            after = UserCursor.after(page.getLast(), sort);
        }
        throw new AssertionError("the pages never ended");
    }
}
