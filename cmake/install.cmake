# Install rules and the CMake package, so that after `cmake --install`
#   find_package(tlswire CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE tlswire::tlswire)
# works from the install prefix.
include(CMakePackageConfigHelpers)

set(TLSWIRE_INSTALL_CMAKEDIR ${CMAKE_INSTALL_DATADIR}/cmake/tlswire
  CACHE STRING "Where tlswireConfig.cmake is installed, relative to the prefix")

install(TARGETS tlswire EXPORT tlswireTargets)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/tlswire
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp")
install(EXPORT tlswireTargets
  NAMESPACE tlswire::
  DESTINATION ${TLSWIRE_INSTALL_CMAKEDIR})

configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/tlswireConfig.cmake.in
  ${PROJECT_BINARY_DIR}/tlswireConfig.cmake
  INSTALL_DESTINATION ${TLSWIRE_INSTALL_CMAKEDIR})
# Header-only and architecture-independent: any pointer size may use it.
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/tlswireConfigVersion.cmake
  COMPATIBILITY SameMinorVersion
  ARCH_INDEPENDENT)
install(FILES
  ${PROJECT_BINARY_DIR}/tlswireConfig.cmake
  ${PROJECT_BINARY_DIR}/tlswireConfigVersion.cmake
  DESTINATION ${TLSWIRE_INSTALL_CMAKEDIR})
