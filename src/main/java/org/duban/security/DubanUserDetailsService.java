package org.duban.security;

import org.duban.org.AppUserRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DubanUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    DubanUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(DubanUserDetails::of)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
