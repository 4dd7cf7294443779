"""The demo courses, in the order they appear in the catalogue."""

from lms.demo.content import educacion_financiera, habilidades_blandas, marketing_digital, plan_de_negocio
from lms.demo.content.spec import CourseSpec

COURSES: tuple[CourseSpec, ...] = (
    educacion_financiera.COURSE,
    habilidades_blandas.COURSE,
    marketing_digital.COURSE,
    plan_de_negocio.COURSE,
)
