"""The demo courses, in the order they appear in the catalogue."""

from lms.demo.content import educacion_financiera
from lms.demo.content.spec import CourseSpec

COURSES: tuple[CourseSpec, ...] = (
    educacion_financiera.COURSE,
)
