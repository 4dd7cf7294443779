"""The demo lessons' photos: which scene each lesson shows (drawn by lms.demo.photos at load time), what it
shows for someone who cannot see it, and its caption. The lessons of the first module carry two, as a lesson
with a few photos does, so its offline pack weighs what a real one would."""

from dataclasses import dataclass

SCENE_ALT = {
    "mesa": "Un cuaderno de cuentas y unas monedas sobre una mesa de madera, junto a una ventana.",
    "mercado": "Un puesto de mercado con cajas de frutas de colores bajo un toldo a rayas.",
    "tienda": "La fachada de una tienda de barrio, con su puerta y una vitrina llena de productos.",
    "celular": "Un celular sobre una mesa de madera, con una conversación abierta en la pantalla.",
    "taller": "Un taller con repisas llenas de frascos y cajas sobre una mesa de trabajo.",
    "pizarra": "Una pizarra con filas de notas adhesivas de colores.",
}


@dataclass(frozen=True)
class LessonPhoto:
    scene: str  # a key of SCENE_ALT and of lms.demo.photos.SCENES
    caption: str = ""

    @property
    def alt(self) -> str:
        return SCENE_ALT[self.scene]


LESSON_PHOTOS: dict[str, tuple[LessonPhoto, ...]] = {
    "presupuesto-familiar": (
        LessonPhoto("mesa", "Anotar cada gasto es el primer paso del presupuesto."),
        LessonPhoto("mercado", "Las compras de la semana también van al presupuesto."),
    ),
    "separar-casa-y-negocio": (
        LessonPhoto("tienda", "El dinero de la tienda no es el dinero de la casa."),
        LessonPhoto("taller", "Lo que compras para el negocio se anota aparte."),
    ),
    "plan-de-ahorro": (LessonPhoto("mesa", "Un poco cada semana suma mucho en un año."),),
    "donde-guardar-tu-dinero": (LessonPhoto("tienda", "Compara dónde guardar tu dinero antes de decidir."),),
    "pedir-un-credito": (LessonPhoto("taller", "Antes de pedir un crédito, calcula cuánto puedes pagar."),),
    "tus-derechos": (LessonPhoto("pizarra", "Anota tus preguntas antes de ir a la institución financiera."),),
    "escuchar-y-hablar": (LessonPhoto("celular", "Un mensaje corto y claro se entiende mejor."),),
    "clientes-y-quejas": (LessonPhoto("mercado", "Escucha la queja completa antes de responder."),),
    "trabajo-en-equipo": (LessonPhoto("pizarra", "Las tareas del equipo, a la vista de todas las personas."),),
    "liderazgo": (LessonPhoto("taller", "Quien guía con el ejemplo ordena su propio puesto primero."),),
    "fotos-con-el-celular": (LessonPhoto("celular", "Tu celular basta para buenas fotos de producto."),),
    "edita-y-ordena-tus-fotos": (LessonPhoto("celular", "Ordena tus fotos en carpetas por producto."),),
    "redes-sociales": (LessonPhoto("tienda", "Muestra tu negocio como es: la gente confía en lo real."),),
    "whatsapp-business": (LessonPhoto("celular", "Responde rápido y con amabilidad."),),
    "lienzo-modelo-de-negocio": (LessonPhoto("pizarra", "Cada nota del lienzo es una idea corta."),),
    "cliente-y-competencia": (LessonPhoto("mercado", "Mira qué venden y a qué precio quienes están cerca."),),
    "costos-y-precio": (LessonPhoto("taller", "Cada material cuenta en el costo de tu producto."),),
    "punto-de-equilibrio": (LessonPhoto("mesa", "Con tus cuentas al día sabes cuánto debes vender."),),
    "tu-pitch": (LessonPhoto("pizarra", "Prepara tu pitch con pocas ideas, claras."),),
}
