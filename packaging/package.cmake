# `cpack -G DEB` in a build folder makes a Debian package: the binary in /usr/bin, the default
# rules and calendars in /usr/share/cadence (point --rules/--calendars or the config file there).
set(CPACK_PACKAGE_NAME "cadence")
set(CPACK_PACKAGE_CONTACT "Cadence developers <cadence@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Keeps organisations on their required cadence of meetings and reports")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tzdata")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)
