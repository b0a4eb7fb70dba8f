# Shared compile settings and the helpers every folder uses.

add_library(tt_compile_options INTERFACE)
target_compile_definitions(tt_compile_options INTERFACE
    QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_FOREACH
    QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER)
target_compile_options(tt_compile_options INTERFACE -Wall -Wextra -Wshadow -Wnon-virtual-dtor
    -Wno-missing-field-initializers)

# tt_add_library(name SOURCES ... LINK ...): a static library with the house settings.
function(tt_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LINK" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/..)
    target_link_libraries(${name} PUBLIC ${ARG_LINK} PRIVATE tt_compile_options)
endfunction()

# tt_add_test(name SOURCES ... LINK ... [TIMEOUT s] [LABELS ...]): one Qt Test executable, one ctest.
function(tt_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LINK;LABELS;ENV" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    # Several engineers share one work tree: a test whose source is not written yet is skipped
    # with a warning locally, and is an error in CI.
    foreach(src IN LISTS ARG_SOURCES)
        if(NOT IS_ABSOLUTE ${src})
            set(src ${CMAKE_CURRENT_SOURCE_DIR}/${src})
        endif()
        if(NOT EXISTS ${src})
            if(DEFINED ENV{CI})
                message(FATAL_ERROR "${name}: missing source ${src}")
            endif()
            message(WARNING "${name}: skipped, missing source ${src}")
            return()
        endif()
    endforeach()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LINK} Qt6::Test tt_compile_options)
    target_compile_definitions(${name} PRIVATE
        TT_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        TT_BINARY_DIR="${PROJECT_BINARY_DIR}")
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_RUNTIME_DIR=/tmp;${ARG_ENV}")
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
endfunction()
