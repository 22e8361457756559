@echo off
rem MiniSim launcher for Windows, the twin of ./minisim (read its header for the why):
rem   minisim <command> ...        e.g. minisim run sample-miniapps\sign-demo --scenario ...
rem Finds a JDK 21+ (JAVA_HOME, then java on PATH, then the usual install folders: the newest
rem wins), starts target\minisim.jar quietly (no Unsafe warnings, JVM logs on stderr), C1 only
rem (both modes), with a class cache per mode (headless; window = open, shot, bench --window):
rem the AOT cache on JDK 24+, dynamic AppCDS on 21-23. The cache's name carries the jar's size
rem and time stamp and the JDK's vendor and version (cmd has no checksum tool), so a new jar or
rem JDK never meets a stale cache (JDK-8377932). The first run of run/render/test/explore/shot/open
rem records the classes it loads and builds the cache before returning (silently).
rem Environment: JAVA_HOME, MINISIM_JAVA_OPTS, MINISIM_CACHE=off, MINISIM_JAR, MINISIM_MAIN (as in
rem ./minisim). The JVM starts dev.minisim.cli.Main with -cp, not -jar: -jar opens the jar's index
rem (26,000 entries) once more only to read its Main-Class.
rem Exit status: MiniSim's own; 2 when no JDK 21+ or no jar is found (one line on stderr).
setlocal EnableExtensions EnableDelayedExpansion

set "NEEDED=21"
set "HERE=%~dp0"
if defined MINISIM_JAR (set "JAR=%MINISIM_JAR%") else set "JAR=%HERE%target\minisim.jar"
if defined MINISIM_MAIN (set "MAIN=%MINISIM_MAIN%") else set "MAIN=dev.minisim.cli.Main"

set "JAVA="
set "JVER="
set "TRIED="
if defined JAVA_HOME call :consider "%JAVA_HOME%\bin\java.exe" "JAVA_HOME=%JAVA_HOME%"
if not defined JAVA (
  for /f "delims=" %%J in ('where java.exe 2^>nul') do if not defined JAVA call :consider "%%~fJ" "java on PATH"
)
if not defined JAVA (
  set "BEST="
  set "BESTMAJOR=0"
  for /d %%D in ("%ProgramFiles%\Eclipse Adoptium\*" "%ProgramFiles%\Java\*" "%ProgramFiles%\Microsoft\jdk-*" ^
                 "%ProgramFiles%\Zulu\*" "%ProgramFiles%\Amazon Corretto\*" "%ProgramFiles%\BellSoft\*" ^
                 "%ProgramFiles%\OpenJDK\*" "%LOCALAPPDATA%\Programs\Eclipse Adoptium\*" "%USERPROFILE%\.jdks\*") do (
    if exist "%%~fD\bin\java.exe" (
      call :version_of "%%~fD\bin\java.exe"
      if !MAJOR! GTR !BESTMAJOR! (
        set "BESTMAJOR=!MAJOR!"
        set "BEST=%%~fD\bin\java.exe"
        set "BESTVER=!VER!"
      )
    )
  )
  if !BESTMAJOR! GEQ %NEEDED% (
    set "JAVA=!BEST!"
    set "JVER=!BESTVER!"
  ) else if defined BEST (
    set "TRIED=!TRIED!, !BEST! is Java !BESTVER!"
  )
)
if not defined JAVA (
  if not defined TRIED set "TRIED=, no java on PATH, no JAVA_HOME, none in the usual folders"
  echo minisim: needs a JDK %NEEDED% or later and found none ^(!TRIED:~2!^); install one ^(e.g. Temurin 25, https://adoptium.net^) and set JAVA_HOME to it 1>&2
  exit /b 2
)
if not exist "%JAR%" (
  echo minisim: %JAR% does not exist; build it first: mvnw.cmd -q package -DskipTests 1>&2
  exit /b 2
)
call :major_of "%JVER%"
set "JMAJOR=%MAJOR%"

rem --- JVM options (see ./minisim)
set "CMD=%~1"
if "%CMD%"=="" set "CMD=open"
set "MODE=headless"
if /i "%CMD%"=="open" set "MODE=window"
if /i "%CMD%"=="shot" set "MODE=window"
rem bench --window measures the window's start: it runs as the window does (same options, same cache)
if /i "%CMD%"=="bench" for %%a in (%*) do if /i "%%~a"=="--window" set "MODE=window"
set "OPTS=-Dpolyglot.engine.WarnInterpreterOnly=false"
if %JMAJOR% GEQ 22 set "OPTS=%OPTS% --enable-native-access=ALL-UNNAMED"
if %JMAJOR% GEQ 23 set "OPTS=%OPTS% --sun-misc-unsafe-memory-access=allow"
if %JMAJOR% GEQ 24 (
  set "OPTS=%OPTS% -Xlog:disable -Xlog:all=warning,aot*=off,cds*=off:stderr"
) else (
  set "OPTS=%OPTS% -Xlog:disable -Xlog:all=warning,cds*=off:stderr"
)
rem C1 only in both modes (the window too: docs/notes-issue-winspeed.md)
set "OPTS=%OPTS% -XX:TieredStopAtLevel=1"
if defined MINISIM_JAVA_OPTS set "OPTS=%OPTS% %MINISIM_JAVA_OPTS%"

rem --- Class cache
if /i "%MINISIM_CACHE%"=="off" goto :plain
for %%F in ("%JAR%") do (
  set "JARDIR=%%~dpF"
  set "JARKEY=%%~zF-%%~tF"
)
for %%J in ("%JAVA%") do set "JHOME=%%~dpJ.."
set "VENDOR="
set "FULLVER=%JVER%"
if exist "%JHOME%\release" (
  for /f "usebackq tokens=1,* delims==" %%a in ("%JHOME%\release") do (
    if "%%a"=="IMPLEMENTOR" set "VENDOR=%%~b"
    if "%%a"=="JAVA_RUNTIME_VERSION" set "FULLVER=%%~b"
  )
)
set "KEY=%JARKEY%-%VENDOR%-%FULLVER%"
rem only characters a file name can carry
for %%c in ("/" ":" " " "+" "\" "(" ")" ".") do set "KEY=!KEY:%%~c=_!"
if %JMAJOR% GEQ 24 (set "EXT=aot") else set "EXT=jsa"
set "CACHE=%JARDIR%minisim-%MODE%-%KEY%.%EXT%"
rem ES modules' CommonJS form kept between runs, by the same key (see ./minisim)
set "MODULES=%JARDIR%minisim-modules-%KEY%"
set "OPTS=%OPTS% -Dminisim.moduleCache=%MODULES%"
if exist "%CACHE%" (
  if "%EXT%"=="aot" (
    "%JAVA%" %OPTS% -XX:AOTCache="%CACHE%" -cp "%JAR%" %MAIN% %*
  ) else (
    "%JAVA%" %OPTS% -XX:SharedArchiveFile="%CACHE%" -cp "%JAR%" %MAIN% %*
  )
  exit /b !ERRORLEVEL!
)
set "TRAIN=no"
for %%c in (run render test explore shot open) do if /i "%CMD%"=="%%c" set "TRAIN=yes"
if /i "%CMD%"=="bench" if "%MODE%"=="window" set "TRAIN=yes"
if "%TRAIN%"=="no" goto :plain
mkdir "%CACHE%.lock" 2>nul || goto :plain
del /q "%JARDIR%minisim-%MODE%-*.aot" "%JARDIR%minisim-%MODE%-*.jsa" 2>nul
for /d %%D in ("%JARDIR%minisim-modules-*") do if /i not "%%~fD"=="%MODULES%" rmdir /s /q "%%~fD" 2>nul
set "QUIET=-XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput"
set "TMPCACHE=%CACHE%.tmp"
if "%EXT%"=="aot" (
  "%JAVA%" %OPTS% %QUIET% -XX:AOTMode=record -XX:AOTConfiguration="%CACHE%.conf" -cp "%JAR%" %MAIN% %*
  set "STATUS=!ERRORLEVEL!"
  if exist "%CACHE%.conf" (
    "%JAVA%" %OPTS% %QUIET% -XX:AOTMode=create -XX:AOTConfiguration="%CACHE%.conf" -XX:AOTCache="!TMPCACHE!" -cp "%JAR%" %MAIN% >nul 2>&1
  )
  del /q "%CACHE%.conf" 2>nul
) else (
  "%JAVA%" %OPTS% %QUIET% -XX:ArchiveClassesAtExit="!TMPCACHE!" -cp "%JAR%" %MAIN% %*
  set "STATUS=!ERRORLEVEL!"
)
if exist "!TMPCACHE!" move /y "!TMPCACHE!" "%CACHE%" >nul 2>&1
rmdir "%CACHE%.lock" 2>nul
exit /b %STATUS%

:plain
"%JAVA%" %OPTS% -cp "%JAR%" %MAIN% %*
exit /b %ERRORLEVEL%

rem --- helpers -------------------------------------------------------------------------------

:consider
rem %1 = java.exe, %2 = where it came from; sets JAVA and JVER when it is 21 or later
if not exist "%~1" exit /b 1
call :version_of "%~1"
set "TRIED=%TRIED%, %~2 is Java %VER%"
if %MAJOR% GEQ %NEEDED% (
  set "JAVA=%~1"
  set "JVER=%VER%"
)
exit /b 0

:version_of
rem %1 = java.exe; sets VER (from the release file, else java -version) and MAJOR
set "VER="
for %%J in ("%~1") do set "VHOME=%%~dpJ.."
if exist "%VHOME%\release" (
  for /f "usebackq tokens=1,* delims==" %%a in ("%VHOME%\release") do if "%%a"=="JAVA_VERSION" set "VER=%%~b"
)
if not defined VER (
  rem only two quotes in the command: cmd /c keeps them, so a path with spaces still works
  for /f "tokens=3" %%v in ('"%~1" -version 2^>^&1 ^| findstr /i version') do if not defined VER set "VER=%%~v"
)
if not defined VER set "VER=0"
call :major_of "%VER%"
exit /b 0

:major_of
rem %1 = a version string: 1.8.0_392 -> 8, 25.0.3 -> 25
set "MV=%~1"
if "%MV:~0,2%"=="1." set "MV=%MV:~2%"
set "MAJOR=0"
for /f "tokens=1 delims=.+-_ " %%m in ("%MV%") do set "MAJOR=%%m"
exit /b 0
