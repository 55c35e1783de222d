package com.onboarding.newlink;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NewLinkRequestRepository extends JpaRepository<NewLinkRequest, Long> {

    @Modifying
    @Query("delete from NewLinkRequest r where lower(r.email) = lower(:email)")
    int deleteByEmail(@Param("email") String email);
}
