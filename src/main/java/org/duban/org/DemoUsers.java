package org.duban.org;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo users of every role for the embedded default profile only; each password equals the user name. The
 * postgres and oracle profiles switch this off ({@code duban.demo.enabled=false}).
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "duban.demo.enabled", havingValue = "true")
public class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    public record DemoUser(String username, String displayName, String unitCode, Set<Role> roles) {
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "系统管理员", "SZFBGS", EnumSet.of(Role.ADMIN)),
            new DemoUser("supervisor", "督查室 王督查", "DCS", EnumSet.of(Role.SUPERVISOR)),
            new DemoUser("kjj.reviewer", "市科技局 李审核", "KJJ", EnumSet.of(Role.REVIEWER)),
            new DemoUser("kjj.clerk", "市科技局 张经办", "KJJ", EnumSet.of(Role.CLERK)),
            new DemoUser("kjj.leader", "市科技局 赵局长", "KJJ", EnumSet.of(Role.UNIT_LEADER)),
            new DemoUser("gxj.reviewer", "市工信局 孙审核", "GXJ", EnumSet.of(Role.REVIEWER)),
            new DemoUser("gxj.clerk", "市工信局 周经办", "GXJ", EnumSet.of(Role.CLERK)),
            new DemoUser("fgw.reviewer", "市发改委 钱审核", "FGW", EnumSet.of(Role.REVIEWER)),
            new DemoUser("fgw.clerk", "市发改委 吴经办", "FGW", EnumSet.of(Role.CLERK)),
            new DemoUser("fgw.leader", "市发改委 郑主任", "FGW", EnumSet.of(Role.UNIT_LEADER)),
            new DemoUser("caoxian.clerk", "曹县 陈经办", "CAOXIAN", EnumSet.of(Role.CLERK)),
            new DemoUser("caoxian.leader", "曹县 冯县长", "CAOXIAN", EnumSet.of(Role.UNIT_LEADER)),
            new DemoUser("shanxian.clerk", "单县 褚经办", "SHANXIAN", EnumSet.of(Role.CLERK)),
            new DemoUser("shanxian.leader", "单县 卫县长", "SHANXIAN", EnumSet.of(Role.UNIT_LEADER)),
            new DemoUser("yuncheng.clerk", "郓城县 蒋经办", "YUNCHENG", EnumSet.of(Role.CLERK)),
            new DemoUser("yuncheng.leader", "郓城县 沈县长", "YUNCHENG", EnumSet.of(Role.UNIT_LEADER)));

    private final AppUserRepository users;
    private final UnitRepository units;
    private final PasswordEncoder passwordEncoder;

    DemoUsers(AppUserRepository users, UnitRepository units, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int created = 0;
        for (DemoUser demo : USERS) {
            if (users.existsByUsername(demo.username())) {
                continue;
            }
            Unit unit = units.findByCode(demo.unitCode())
                    .orElseThrow(() -> new IllegalStateException("Demo unit " + demo.unitCode() + " is missing"));
            users.save(new AppUser(demo.username(), demo.displayName(), passwordEncoder.encode(demo.username()), unit,
                    demo.roles()));
            created++;
        }
        StringBuilder list = new StringBuilder();
        for (DemoUser demo : USERS) {
            list.append(String.format("%n  %-16s %-12s %s", demo.username(), demo.unitCode(), demo.roles()));
        }
        log.info("Demo users ({} new; password = user name):{}", created, list);
    }
}
