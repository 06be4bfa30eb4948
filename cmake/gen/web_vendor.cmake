# The web UI's browser libraries from npm (tools/web_vendor.sh), bundled at configure time
# when missing or when web/vendor/package-lock.json changed, embedded as web/vendor.js and
# web/world.json; with them the place gazetteer with coordinates (gen/places/*.tsv).
set(NEWSGRAPH_WEB_VENDOR_DIR "${CMAKE_BINARY_DIR}/gen/web-vendor")
set(_lock "${CMAKE_SOURCE_DIR}/web/vendor/package-lock.json")
if(NOT EXISTS "${NEWSGRAPH_WEB_VENDOR_DIR}/vendor.js" OR "${_lock}" IS_NEWER_THAN "${NEWSGRAPH_WEB_VENDOR_DIR}/vendor.js"
   OR "${CMAKE_SOURCE_DIR}/tools/web_vendor.sh" IS_NEWER_THAN "${NEWSGRAPH_WEB_VENDOR_DIR}/vendor.js"
   OR "${CMAKE_SOURCE_DIR}/tools/gen_coordinates.mjs" IS_NEWER_THAN "${NEWSGRAPH_WEB_VENDOR_DIR}/vendor.js")
  file(MAKE_DIRECTORY "${NEWSGRAPH_WEB_VENDOR_DIR}")
  execute_process(COMMAND bash "${CMAKE_SOURCE_DIR}/tools/web_vendor.sh" "${NEWSGRAPH_WEB_VENDOR_DIR}"
                  RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "tools/web_vendor.sh failed")
  endif()
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_lock}" "${CMAKE_SOURCE_DIR}/tools/web_vendor.sh"
             "${CMAKE_SOURCE_DIR}/tools/gen_coordinates.mjs")
list(APPEND NEWSGRAPH_GENERATED_DATA "web/vendor.js=${NEWSGRAPH_WEB_VENDOR_DIR}/vendor.js"
     "web/world.json=${NEWSGRAPH_WEB_VENDOR_DIR}/world.json"
     "gen/places/cities.tsv=${NEWSGRAPH_WEB_VENDOR_DIR}/places/cities.tsv"
     "gen/places/countries.tsv=${NEWSGRAPH_WEB_VENDOR_DIR}/places/countries.tsv")
