package org.duban.security.camunda;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Camunda's read-only identity provider over {@link IdentityDirectory}: task queries by candidate user, Cockpit's
 * user lookups and the webapps' single sign-on all see Duban's users and groups. Duban has no tenants.
 */
class DubanIdentityProvider implements ReadOnlyIdentityProvider {

    private final IdentityDirectory directory;

    DubanIdentityProvider(IdentityDirectory directory) {
        this.directory = directory;
    }

    @Override
    public User findUserById(String userId) {
        return directory.member(userId).map(IdentityDirectory.Member::user).orElse(null);
    }

    @Override
    public UserQuery createUserQuery() {
        return new DubanUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new DubanUserQuery();
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new UnsupportedOperationException("Native user queries are not supported: users live in Duban's tables");
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return directory.checkPassword(userId, password);
    }

    @Override
    public Group findGroupById(String groupId) {
        return directory.groups().stream().filter(g -> g.getId().equals(groupId)).findFirst().orElse(null);
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new DubanGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new DubanGroupQuery();
    }

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new NoTenantQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new NoTenantQuery();
    }

    @Override
    public void flush() {
        // read-only
    }

    @Override
    public void close() {
        // nothing held
    }

    /** The page asked for, or else the query's own first/max results (listPage sets those instead). */
    private static <T> List<T> page(Stream<T> items, Page page, int firstResult, int maxResults) {
        int first = page != null ? page.getFirstResult() : firstResult;
        int max = page != null ? page.getMaxResults() : maxResults;
        return items.skip(Math.max(first, 0)).limit(max < 0 ? Long.MAX_VALUE : max).toList();
    }

    private static boolean like(String value, String pattern) {
        if (pattern == null) {
            return true;
        }
        if (value == null) {
            return false;
        }
        String regex = ("\\Q" + pattern + "\\E").replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q");
        return value.matches(regex);
    }

    private static boolean eq(String expected, String value) {
        return expected == null || expected.equals(value);
    }

    class DubanUserQuery extends UserQueryImpl {

        DubanUserQuery() {
        }

        DubanUserQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matching().count();
        }

        @Override
        public List<User> executeList(CommandContext commandContext, Page page) {
            return page(matching().map(IdentityDirectory.Member::user), page, getFirstResult(), getMaxResults());
        }

        private Stream<IdentityDirectory.Member> matching() {
            Predicate<IdentityDirectory.Member> filter = m -> eq(getId(), m.user().getId())
                    && (getIds() == null || Arrays.asList(getIds()).contains(m.user().getId()))
                    && eq(getFirstName(), m.user().getFirstName()) && like(m.user().getFirstName(), getFirstNameLike())
                    && eq(getLastName(), m.user().getLastName()) && like(m.user().getLastName(), getLastNameLike())
                    && eq(getEmail(), m.user().getEmail()) && like(m.user().getEmail(), getEmailLike())
                    && (getGroupId() == null || m.groupIds().contains(getGroupId()))
                    && getTenantId() == null;
            return directory.members().stream().filter(filter)
                    .sorted(Comparator.comparing(m -> m.user().getId()));
        }
    }

    class DubanGroupQuery extends GroupQueryImpl {

        DubanGroupQuery() {
        }

        DubanGroupQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matching().count();
        }

        @Override
        public List<Group> executeList(CommandContext commandContext, Page page) {
            return page(matching(), page, getFirstResult(), getMaxResults());
        }

        private Stream<Group> matching() {
            List<String> memberOf = getUserId() == null ? null
                    : directory.member(getUserId()).map(IdentityDirectory.Member::groupIds).orElse(List.of());
            return directory.groups().stream()
                    .filter(g -> eq(getId(), g.getId())
                            && (getIds() == null || Arrays.asList(getIds()).contains(g.getId()))
                            && eq(getName(), g.getName()) && like(g.getName(), getNameLike())
                            && eq(getType(), g.getType())
                            && (memberOf == null || memberOf.contains(g.getId()))
                            && getTenantId() == null)
                    .sorted(Comparator.comparing(Group::getId));
        }
    }

    static class NoTenantQuery extends TenantQueryImpl {

        NoTenantQuery() {
        }

        NoTenantQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return 0;
        }

        @Override
        public List<Tenant> executeList(CommandContext commandContext, Page page) {
            return List.of();
        }
    }
}
