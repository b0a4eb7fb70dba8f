# Included by bench/CMakeLists.txt: the desktop app's benchmark (issue 5; BRIEF §8 P8, P9).
if(TARGET tt_app)
    add_executable(bench_gui bench_gui.cpp)
    target_link_libraries(bench_gui PRIVATE tt_benchsupport tt_app tt_compile_options)
    target_compile_definitions(bench_gui PRIVATE TT_TRACETRACK_PATH="$<TARGET_FILE:tracetrack>")
    add_dependencies(bench_gui tracetrack)
    if(TT_BUILD_TESTS)
        add_test(NAME bench_gui_smoke COMMAND bench_gui --bags 20000 --rows 2000 --starts 2)
        set_tests_properties(bench_gui_smoke PROPERTIES TIMEOUT 120 LABELS bench
            ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_RUNTIME_DIR=/tmp")
    endif()
endif()
