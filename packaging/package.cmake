# Install rules beyond the binary and data, and the Debian package (`cpack -G DEB`).
#
# Configured with -DCMAKE_INSTALL_PREFIX=/usr (scripts/package-test.sh does), the tree installs as
# the package lays it out: /etc/cadence/cadence.toml (a conffile), the systemd units in
# /lib/systemd/system, the man page. With any other prefix (`cmake --install` to /usr/local) the
# config is only an example in share/cadence, and no units are installed: they name /usr/bin.
set(CADENCE_PACKAGE_LAYOUT OFF)
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(CADENCE_PACKAGE_LAYOUT ON)
endif()

# Debian wants man pages compressed, with no timestamp in the gzip header (-n).
add_custom_command(OUTPUT cadence.1.gz
  COMMAND gzip -9n -c "${PROJECT_SOURCE_DIR}/packaging/cadence.1" > cadence.1.gz
  DEPENDS "${PROJECT_SOURCE_DIR}/packaging/cadence.1" VERBATIM)
add_custom_target(cadence_man ALL DEPENDS cadence.1.gz)
install(FILES "${PROJECT_BINARY_DIR}/cadence.1.gz" DESTINATION share/man/man1)

if(CADENCE_PACKAGE_LAYOUT)
  install(FILES packaging/cadence.toml DESTINATION /etc/cadence)
  install(FILES packaging/cadence.service packaging/cadence-remind.service packaging/cadence-remind.timer
    DESTINATION /lib/systemd/system)
else()
  install(FILES packaging/cadence.toml DESTINATION share/cadence)
endif()

# git describe as a Debian version: a tag v1.2.0-3-gabc1234 gives 1.2.0+3.gabc1234; no tag
# (a bare hash) gives the project version with the hash, 0.1.0+g6ee283d.
string(REGEX REPLACE "^v" "" deb_version "${CADENCE_VERSION}")
if(deb_version MATCHES "^[0-9]+\\.[0-9]+")
  string(REGEX REPLACE "^([^-]*)-" "\\1+" deb_version "${deb_version}")
else()
  set(deb_version "${PROJECT_VERSION}+g${deb_version}")
endif()
string(REPLACE "-" "." deb_version "${deb_version}")

set(CPACK_PACKAGE_NAME "cadence")
set(CPACK_PACKAGE_VERSION "${deb_version}")
set(CPACK_PACKAGE_CONTACT "Cadence developers <cadence@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Keeps organisations on their required cadence of meetings and reports")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Counts what each unit recorded against TOML rules on the Chinese work calendar,\n\
 shows compliance for a whole unit tree, and serves each unit a calendar feed of\n\
 its planned sessions and deadlines (cadence serve, a hardened systemd service).")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tzdata, adduser")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# A RelWithDebInfo build packaged without its debug information.
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  "${PROJECT_SOURCE_DIR}/packaging/debian/conffiles;${PROJECT_SOURCE_DIR}/packaging/debian/postinst;${PROJECT_SOURCE_DIR}/packaging/debian/prerm;${PROJECT_SOURCE_DIR}/packaging/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
